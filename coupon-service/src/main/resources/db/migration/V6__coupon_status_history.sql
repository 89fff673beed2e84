-- CPN-13/17 (issue 15): a redemption is judged on the coupon as it was when the order was paid (the order's event time), not
-- as it is when the event is read: end a coupon, then read a paid order dated before the end, and it still redeems. Every
-- change of a coupon's status is kept with its time (the service's clock, updated_at); a trigger keeps it whatever code path
-- changes the status. Time-derived states (scheduled, expired) stay computed from starts_at/ends_at.
CREATE TABLE coupon_status_change (
  coupon_id  UUID         NOT NULL REFERENCES coupon (id),
  seq        BIGSERIAL,
  at         TIMESTAMPTZ  NOT NULL,
  status     TEXT         NOT NULL,
  paused_by  TEXT,
  PRIMARY KEY (coupon_id, seq)
);
CREATE INDEX coupon_status_change_at ON coupon_status_change (coupon_id, at DESC, seq DESC);

-- coupons created before: their first known state at creation (drafts stay drafts), and their state now if it differs
INSERT INTO coupon_status_change (coupon_id, at, status, paused_by)
  SELECT id, created_at, CASE WHEN status = 'DRAFT' THEN 'DRAFT' ELSE 'ACTIVE' END, NULL FROM coupon;
INSERT INTO coupon_status_change (coupon_id, at, status, paused_by)
  SELECT id, updated_at, status, paused_by FROM coupon WHERE status IN ('PAUSED', 'ENDED', 'EXPIRED');

CREATE FUNCTION coupon_status_change_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status OR NEW.paused_by IS DISTINCT FROM OLD.paused_by THEN
    -- never before the coupon's last recorded change: a risk pause carries its event's time, which may be older than a
    -- change the seller made since; the history must stay in the order the changes were made
    INSERT INTO coupon_status_change (coupon_id, at, status, paused_by)
      SELECT NEW.id, GREATEST(NEW.updated_at, coalesce(max(at), NEW.updated_at)), NEW.status, NEW.paused_by
      FROM coupon_status_change WHERE coupon_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER coupon_status_change_log AFTER INSERT OR UPDATE ON coupon FOR EACH ROW EXECUTE FUNCTION coupon_status_change_log();
