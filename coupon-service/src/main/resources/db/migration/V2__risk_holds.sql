-- CPN-17 / RSK-1..3: every open risk decision that holds a coupon paused, so that releasing one of two decisions (a claim
-- burst and a late stock sync, say) leaves the coupon paused until the other is released too.
CREATE TABLE coupon_risk_hold (
  coupon_id    UUID        NOT NULL REFERENCES coupon(id),
  decision_id  TEXT        NOT NULL,
  reason       TEXT        NOT NULL,
  held_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (coupon_id, decision_id)
);
INSERT INTO coupon_risk_hold(coupon_id, decision_id, reason, held_at)
  SELECT id, risk_decision_id, coalesce(pause_reason, 'risk'), updated_at FROM coupon
  WHERE status = 'PAUSED' AND paused_by = 'RISK' AND risk_decision_id IS NOT NULL;

-- A seller's own pause under a risk pause: restored when the last risk decision lets go, instead of the coupon resuming.
ALTER TABLE coupon ADD COLUMN seller_pause_reason TEXT;
