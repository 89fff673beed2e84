-- gift-service schema (SPEC section 4). Owned by this service alone.

-- GFT-1: what eligibility needs of each seller's latest profile (platform.sellers; the latest event time wins).
CREATE TABLE seller_profile (
  seller_id              TEXT         PRIMARY KEY,
  entity_type            TEXT         NOT NULL,
  verified               BOOLEAN      NOT NULL,
  payment_account_bound  BOOLEAN      NOT NULL,
  payment_account_kyc    BOOLEAN      NOT NULL,
  store_level            INT          NOT NULL,
  positive_rating_bp     INT          NOT NULL,
  dispute_rate_bp        INT          NOT NULL,
  as_of                  TIMESTAMPTZ  NOT NULL
);

-- GFT-9: risk-service froze the seller's gift feature (FreezeGiftFeature) until an operator released the decision.
CREATE TABLE gift_freeze (
  seller_id    TEXT         PRIMARY KEY,
  decision_id  TEXT         NOT NULL,
  reason       TEXT         NOT NULL,
  since        TIMESTAMPTZ  NOT NULL,
  released_at  TIMESTAMPTZ,
  released_by  TEXT
);

-- GFT-2: a gift SKU and its review. status: DRAFT, IN_REVIEW, APPROVED, REJECTED (reasons: every reason code, from the
-- automatic checks or the operator). version: optimistic lock (a seller's submit racing an operator's decision: one wins).
CREATE TABLE gift (
  id                      UUID         PRIMARY KEY,
  seller_id               TEXT         NOT NULL,
  name                    TEXT         NOT NULL,
  category_id             TEXT         NOT NULL,
  composition             TEXT,
  weight_grams            INT          NOT NULL CHECK (weight_grams > 0),
  packaging               TEXT         NOT NULL,
  packaging_registration  TEXT,
  filing_number           TEXT,
  msds_reference          TEXT,
  certification_marks     TEXT[]       NOT NULL,
  front_not_for_sale      BOOLEAN      NOT NULL,
  front_brand_logo        BOOLEAN      NOT NULL,
  no_infringement         BOOLEAN      NOT NULL,
  status                  TEXT         NOT NULL,
  reasons                 TEXT[]       NOT NULL DEFAULT '{}',
  review_note             TEXT,
  version                 INT          NOT NULL DEFAULT 1,
  created_at              TIMESTAMPTZ  NOT NULL,
  submitted_at            TIMESTAMPTZ,
  reviewed_at             TIMESTAMPTZ,
  reviewed_by             TEXT
);
CREATE INDEX gift_seller ON gift (seller_id, created_at DESC);
CREATE INDEX gift_queue ON gift (submitted_at) WHERE status = 'IN_REVIEW';

-- GFT-2: photos as uploaded, checked on their bytes (type sniffed, size and pixel limits), with their SHA-256. Kept in
-- PostgreSQL (ADR 10): a few per gift, at most a few MB each; the same bytes twice for one gift are one photo.
CREATE TABLE gift_photo (
  id            UUID         PRIMARY KEY,
  gift_id       UUID         NOT NULL REFERENCES gift(id),
  role          TEXT         NOT NULL,
  content_type  TEXT         NOT NULL,
  size_bytes    INT          NOT NULL,
  width         INT          NOT NULL,
  height        INT          NOT NULL,
  sha256        TEXT         NOT NULL,
  data          BYTEA        NOT NULL,
  created_at    TIMESTAMPTZ  NOT NULL,
  UNIQUE (gift_id, sha256)
);

-- GFT-2: who did what to a gift's review, when and why (submissions, automatic results, operators' decisions).
CREATE TABLE gift_review_audit (
  id            BIGSERIAL    PRIMARY KEY,
  gift_id       UUID         NOT NULL REFERENCES gift(id),
  actor         TEXT         NOT NULL,
  action        TEXT         NOT NULL,
  from_status   TEXT         NOT NULL,
  to_status     TEXT         NOT NULL,
  reason_codes  TEXT[]       NOT NULL,
  note          TEXT,
  at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX gift_review_audit_gift ON gift_review_audit (gift_id, id);

-- GFT-4: stock in the dedicated gift warehouse. reserved: units promised to PENDING/LABELLED dispatches. Never negative,
-- never more reserved than on hand: the CHECK holds under any concurrency (a reservation is one conditional UPDATE).
CREATE TABLE gift_stock (
  gift_id    UUID    PRIMARY KEY REFERENCES gift(id),
  seller_id  TEXT    NOT NULL,
  on_hand    BIGINT  NOT NULL DEFAULT 0,
  reserved   BIGINT  NOT NULL DEFAULT 0,
  CHECK (reserved >= 0 AND on_hand >= reserved)
);

-- GFT-4: transfers into the gift warehouse; the seller's transfer id makes a retried transfer count once.
CREATE TABLE stock_transfer (
  seller_id    TEXT         NOT NULL,
  transfer_id  TEXT         NOT NULL,
  gift_id      UUID         NOT NULL REFERENCES gift(id),
  quantity     BIGINT       NOT NULL CHECK (quantity > 0),
  at           TIMESTAMPTZ  NOT NULL,
  PRIMARY KEY (seller_id, transfer_id)
);

-- GFT-3: trigger rules. threshold in minor units of currency; empty categories / countries = any. Lower priority number first.
CREATE TABLE trigger_rule (
  id              UUID         PRIMARY KEY,
  seller_id       TEXT         NOT NULL,
  gift_id         UUID         NOT NULL REFERENCES gift(id),
  threshold_minor BIGINT       NOT NULL CHECK (threshold_minor > 0),
  currency        TEXT         NOT NULL,
  categories      TEXT[]       NOT NULL,
  countries       TEXT[]       NOT NULL,
  priority        INT          NOT NULL,
  active          BOOLEAN      NOT NULL DEFAULT true,
  version         INT          NOT NULL DEFAULT 1,
  created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX trigger_rule_seller ON trigger_rule (seller_id) WHERE active;

-- GFT-3, GFT-11: each order of platform.orders once (the order id is the key: the same order in two events, or replayed,
-- is decided once). gift_offered: whether a rule gave it a gift when first seen (placement). ended_at: cancelled or refunded.
-- outcome: what the paid order got: DISPATCHED, NO_RULE, NOT_ELIGIBLE, FROZEN, ERR_COD_COUNTRY, ERR_GIFT_STOCK,
-- ORDER_ENDED.
CREATE TABLE order_fact (
  order_id      TEXT         PRIMARY KEY,
  seller_id     TEXT         NOT NULL,
  buyer_id      TEXT         NOT NULL,
  country       TEXT         NOT NULL,
  currency      TEXT         NOT NULL,
  amount_minor  BIGINT       NOT NULL,
  categories    TEXT[]       NOT NULL,
  placed_at     TIMESTAMPTZ,
  paid_at       TIMESTAMPTZ,
  ended_at      TIMESTAMPTZ,
  gift_offered  BOOLEAN,
  outcome       TEXT,
  rule_id       UUID,
  dispatch_id   UUID
);
-- analytics by placement (conversion) and by payment (outcomes); the buyer's paid orders for the ranking and for repeat
-- purchase (few per buyer: the seller is filtered on the rows). Every index costs the hot insert: no more than these.
CREATE INDEX order_fact_seller_placed ON order_fact (seller_id, (coalesce(placed_at, paid_at)));
CREATE INDEX order_fact_seller_paid ON order_fact (seller_id, paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX order_fact_buyer ON order_fact (buyer_id, seller_id, paid_at) WHERE paid_at IS NOT NULL;

-- GFT-7, GFT-8: one dispatch per order at most. status: PENDING, LABELLED, SHIPPED, CANCELLED (order cancelled or refunded
-- before shipment), FAILED (failure_code: ERR-407, ERR-211, ERR_GIFT_STOCK, NOT_CONFIRMED_48H). version: optimistic lock
-- (a confirmation racing the 48-hour cancellation ends in exactly one of the two).
CREATE TABLE dispatch (
  id             UUID         PRIMARY KEY,
  seller_id      TEXT         NOT NULL,
  order_id       TEXT         NOT NULL UNIQUE,
  gift_id        UUID         NOT NULL REFERENCES gift(id),
  rule_id        UUID         NOT NULL,
  buyer_id       TEXT         NOT NULL,
  country        TEXT         NOT NULL,
  status         TEXT         NOT NULL,
  failure_code   TEXT,
  reserved       BOOLEAN      NOT NULL,
  waybill        TEXT         UNIQUE,
  fee_minor      BIGINT,
  fee_currency   TEXT,
  fee_lines      TEXT,
  nfe_number     TEXT,
  documents      TEXT[],
  packaging      TEXT,
  packaging_registration TEXT,
  version        INT          NOT NULL DEFAULT 1,
  created_at     TIMESTAMPTZ  NOT NULL,
  confirm_by     TIMESTAMPTZ  NOT NULL,
  labelled_at    TIMESTAMPTZ,
  ended_at       TIMESTAMPTZ
);
CREATE INDEX dispatch_seller ON dispatch (seller_id, created_at DESC);
CREATE INDEX dispatch_due ON dispatch (confirm_by) WHERE status IN ('PENDING', 'LABELLED');

-- GFT-7: waybill numbers, SG + 12 digits + a check digit.
CREATE SEQUENCE waybill_seq;

-- GFT-10: what the ranking reads, folded from past events once each (the order id and the inbox guard them).
-- The buyer's history with this seller: paid orders per category (what the buyer does at other sellers is not this
-- seller's to see, SPEC section 9).
CREATE TABLE buyer_category (
  seller_id    TEXT    NOT NULL,
  buyer_id     TEXT    NOT NULL,
  category_id  TEXT    NOT NULL,
  orders       BIGINT  NOT NULL,
  PRIMARY KEY (seller_id, buyer_id, category_id)
);
-- Category heat: paid orders per category and day.
CREATE TABLE category_day (
  category_id  TEXT    NOT NULL,
  day          DATE    NOT NULL,
  orders       BIGINT  NOT NULL,
  PRIMARY KEY (category_id, day)
);
-- The destination country's preferences: shipped gifts per country and gift category.
CREATE TABLE country_gift_category (
  country      TEXT    NOT NULL,
  category_id  TEXT    NOT NULL,
  shipped      BIGINT  NOT NULL,
  PRIMARY KEY (country, category_id)
);
