-- coupon-service schema (SPEC section 3). Owned by coupon-service alone.

-- Seller facts from platform.sellers (CPN-14); the newest snapshot by event time wins.
CREATE TABLE seller_profile (
  seller_id            TEXT         PRIMARY KEY,
  entity_type          TEXT         NOT NULL,
  verified             BOOLEAN      NOT NULL,
  payment_bound        BOOLEAN      NOT NULL,
  payment_kyc_verified BOOLEAN      NOT NULL,
  event_time           TIMESTAMPTZ  NOT NULL
);

CREATE TABLE coupon (
  id                      UUID         PRIMARY KEY,
  seller_id               TEXT         NOT NULL,
  name                    TEXT         NOT NULL,
  type                    TEXT         NOT NULL,                 -- THRESHOLD | NO_THRESHOLD (CPN-1)
  currency                CHAR(3)      NOT NULL,
  face_value_minor        BIGINT       NOT NULL CHECK (face_value_minor > 0),
  min_order_minor         BIGINT       NOT NULL CHECK (min_order_minor > 0),
  starts_at               TIMESTAMPTZ  NOT NULL,
  ends_at                 TIMESTAMPTZ  NOT NULL,
  total_quantity          BIGINT       NOT NULL CHECK (total_quantity > 0),
  budget_minor            BIGINT,                                -- total discount budget; NULL = quantity x face value
  target_countries        TEXT[]       NOT NULL,
  pool_spus               TEXT[]       NOT NULL,
  pool_categories         TEXT[]       NOT NULL,
  pool_brands             TEXT[]       NOT NULL,
  logistics_restricted    BOOLEAN      NOT NULL,                 -- CPN-11
  first_order_only        BOOLEAN      NOT NULL,                 -- CPN-12
  stackable_with_platform BOOLEAN      NOT NULL,                 -- CPN-12
  stacking_group          TEXT         NOT NULL,
  exclusive               BOOLEAN      NOT NULL,
  gross_margin_bp         INT,                                   -- CPN-15, optional
  variants_json           TEXT         NOT NULL DEFAULT '[]',    -- CPN-16 A/B variants: [{name, weight, faceValueMinor}]
  status                  TEXT         NOT NULL,                 -- DRAFT | SCHEDULED | ACTIVE | PAUSED | ENDED | EXPIRED (CPN-17)
  paused_by               TEXT,
  pause_reason            TEXT,
  risk_decision_id        TEXT,
  created_at              TIMESTAMPTZ  NOT NULL,
  updated_at              TIMESTAMPTZ  NOT NULL,
  version                 INT          NOT NULL DEFAULT 0
);
CREATE INDEX coupon_seller ON coupon (seller_id, created_at DESC);
CREATE INDEX coupon_running ON coupon (ends_at) WHERE status IN ('SCHEDULED', 'ACTIVE', 'PAUSED');

CREATE TABLE coupon_claim (
  id                  UUID         PRIMARY KEY,
  coupon_id           UUID         NOT NULL REFERENCES coupon (id),
  seller_id           TEXT         NOT NULL,
  buyer_id            TEXT         NOT NULL,
  variant             TEXT,
  face_value_minor    BIGINT       NOT NULL,
  status              TEXT         NOT NULL,                     -- UNUSED | REDEEMED | VOID
  buyer_country       CHAR(2)      NOT NULL,
  ip                  TEXT,
  device_id           TEXT,
  claimed_at          TIMESTAMPTZ  NOT NULL,
  order_id            TEXT,
  order_amount_minor  BIGINT,
  discount_minor      BIGINT,
  redeemed_at         TIMESTAMPTZ,
  CONSTRAINT one_claim_per_buyer UNIQUE (coupon_id, buyer_id)    -- CPN-3, the last line of defence behind Redis
);
CREATE INDEX coupon_claim_buyer ON coupon_claim (buyer_id, status);
CREATE INDEX coupon_claim_order ON coupon_claim (order_id) WHERE order_id IS NOT NULL;

-- Every refused claim or redemption, with its detailed code (CPN-10).
CREATE TABLE claim_refusal (
  id             BIGSERIAL    PRIMARY KEY,
  coupon_id      UUID         NOT NULL REFERENCES coupon (id),
  buyer_id       TEXT         NOT NULL,
  stage          TEXT         NOT NULL,                          -- CLAIM | REDEMPTION
  code           TEXT         NOT NULL,
  buyer_country  TEXT,
  ip             TEXT,
  order_id       TEXT,
  refused_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX claim_refusal_coupon ON claim_refusal (coupon_id, refused_at DESC);
-- A redemption refusal is recorded once per (claim, order) even when the order event is replayed.
CREATE UNIQUE INDEX claim_refusal_redemption_once ON claim_refusal (coupon_id, buyer_id, order_id) WHERE stage = 'REDEMPTION';

-- Stock and freshness per SKU, from platform.stock (CPN-8).
CREATE TABLE sku_stock (
  sku          TEXT         PRIMARY KEY,
  seller_id    TEXT         NOT NULL,
  spu_id       TEXT         NOT NULL,
  category_id  TEXT         NOT NULL,
  brand_id     TEXT,
  quantity     BIGINT       NOT NULL,
  listed       BOOLEAN      NOT NULL,
  price_minor  BIGINT,
  currency     CHAR(3),
  observed_at  TIMESTAMPTZ  NOT NULL,
  synced_at    TIMESTAMPTZ  NOT NULL,                            -- event time of the sync (its arrival)
  late         BOOLEAN      NOT NULL                             -- arrived more than the allowed delay after observedAt
);
CREATE INDEX sku_stock_seller ON sku_stock (seller_id);

-- Disputes that reached arbitration, per buyer (CPN-9).
CREATE TABLE buyer_arbitration (
  dispute_id    TEXT         PRIMARY KEY,
  buyer_id      TEXT         NOT NULL,
  escalated_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX buyer_arbitration_buyer ON buyer_arbitration (buyer_id, escalated_at);

-- Paid orders per buyer and seller, for "first order only" (CPN-12).
CREATE TABLE buyer_order (
  order_id   TEXT         PRIMARY KEY,
  buyer_id   TEXT         NOT NULL,
  seller_id  TEXT         NOT NULL,
  paid_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX buyer_order_pair ON buyer_order (buyer_id, seller_id);
