-- Issue 15: a claim is changed by redemptions and reversals that two instances may apply at once (two orders naming one
-- claim arrive on two partitions): every change is checked against the version it read, so one wins and the other retries
-- on the new state (and is refused ERR_CLAIM_NOT_USABLE), never two redemptions of one claim.
ALTER TABLE coupon_claim ADD COLUMN version INT NOT NULL DEFAULT 0;
