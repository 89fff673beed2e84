-- CPN-12 (issue 15 review): at most one first-order redemption per buyer and seller. "First" is judged in event time from
-- the orders seen so far, which two orders read out of order (or at once, on two partitions) could both pass; the first one
-- to redeem a first-order-only coupon takes this row, and any other order of the pair is refused ERR_NOT_FIRST_ORDER.
CREATE TABLE first_order_redemption (
  buyer_id   TEXT NOT NULL,
  seller_id  TEXT NOT NULL,
  order_id   TEXT NOT NULL,
  PRIMARY KEY (buyer_id, seller_id)
);
INSERT INTO first_order_redemption (buyer_id, seller_id, order_id)
  SELECT DISTINCT ON (cc.buyer_id, cc.seller_id) cc.buyer_id, cc.seller_id, cc.order_id
  FROM coupon_claim cc JOIN coupon c ON c.id = cc.coupon_id
  WHERE c.first_order_only AND cc.status = 'REDEEMED' AND cc.order_id IS NOT NULL
  ORDER BY cc.buyer_id, cc.seller_id, cc.redeemed_at;
