-- RSK-3 finds the coupons whose pool holds a synced SKU's SPU, category or brand: an index scan per attribute instead of
-- every coupon of the seller (a large seller has thousands; bench/decisions.sh showed it).
CREATE INDEX coupon_fact_pool_spus ON coupon_fact USING gin (pool_spus);
CREATE INDEX coupon_fact_pool_categories ON coupon_fact USING gin (pool_categories);
CREATE INDEX coupon_fact_pool_brands ON coupon_fact USING gin (pool_brands);
