-- attribution-service schema (SPEC section 5). Owned by this service alone.

-- ATR-2: what enrolment needs of each seller's latest profile (platform.sellers; the latest event time wins).
CREATE TABLE seller_profile (
  seller_id         TEXT         PRIMARY KEY,
  affiliate_member  BOOLEAN      NOT NULL,
  as_of             TIMESTAMPTZ  NOT NULL
);

-- ATR-6 (ERR_404): the latest stock fact per SKU (platform.stock; the latest observation wins).
CREATE TABLE sku_stock (
  sku          TEXT         PRIMARY KEY,
  seller_id    TEXT         NOT NULL,
  quantity     BIGINT       NOT NULL,
  listed       BOOLEAN      NOT NULL,
  observed_at  TIMESTAMPTZ  NOT NULL
);

-- ATR-1, ATR-3: a marketing code. Its UTM fields and target never change (the signed link carries them); a seller archives
-- a code instead. version: optimistic lock of the row (archive races answer 409).
CREATE TABLE marketing_code (
  id            UUID         PRIMARY KEY,
  seller_id     TEXT         NOT NULL,
  utm_source    TEXT         NOT NULL,
  utm_medium    TEXT         NOT NULL,
  utm_campaign  TEXT         NOT NULL,
  utm_content   TEXT         NOT NULL,
  utm_term      TEXT,
  target        TEXT         NOT NULL,
  sku           TEXT,
  link          TEXT         NOT NULL,
  key_id        TEXT         NOT NULL,
  status        TEXT         NOT NULL CHECK (status IN ('ACTIVE', 'ARCHIVED')),
  version       INT          NOT NULL DEFAULT 1,
  created_at    TIMESTAMPTZ  NOT NULL,
  archived_at   TIMESTAMPTZ
);
CREATE INDEX marketing_code_by_seller ON marketing_code (seller_id, created_at DESC, id);
-- One active code per seller and parameter set: creating it again (an import uploaded twice) finds the existing one. The
-- key is a digest of the parameters (each length-prefixed): a 2,048-character target and four 200-character UTM values
-- would not fit in an index entry (SQLSTATE 54000).
CREATE UNIQUE INDEX marketing_code_natural ON marketing_code (seller_id, md5(length(target) || ':' || target || length(utm_source) || ':'
  || utm_source || length(utm_medium) || ':' || utm_medium || length(utm_campaign) || ':' || utm_campaign || length(utm_content) || ':'
  || utm_content || coalesce(length(utm_term) || ':' || utm_term, '-'))) WHERE status = 'ACTIVE';

-- ATR-6: one row per click (the primary key makes a redelivery or replay change nothing). invalid_reason: null for a
-- counted click, else why it does not count (SIGNATURE, BOT, ERR_404, ARCHIVED, DUPLICATE, RISK_<reason>). No raw IP.
CREATE TABLE click (
  click_id        UUID         PRIMARY KEY,
  code_id         UUID         NOT NULL,
  seller_id       TEXT         NOT NULL,
  device_id       TEXT,
  ip_hash         TEXT,
  occurred_at     TIMESTAMPTZ  NOT NULL,
  invalid_reason  TEXT,
  risk_reason     TEXT,         -- a risk-service invalidation, kept apart so that a release restores the click's own reason
  duplicate_of    UUID,
  received_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX click_by_code_time ON click (code_id, occurred_at);
CREATE INDEX click_by_seller_time ON click (seller_id, occurred_at);   -- ATR-8 reports
CREATE INDEX click_by_device_time ON click (device_id, occurred_at);

-- ATR-6: per device and code, the click that opened the current one-hour window (the window starts at a counted click).
CREATE TABLE dedupe_anchor (
  code_id     UUID         NOT NULL,
  device_id   TEXT         NOT NULL,
  counted_at  TIMESTAMPTZ  NOT NULL,
  click_id    UUID         NOT NULL,
  PRIMARY KEY (code_id, device_id)
);

-- RSK-5: risk-service's invalidations, whichever arrives first (the decision or the click); released_at: an operator let go.
CREATE TABLE click_invalidation (
  click_id     UUID         PRIMARY KEY,
  reason       TEXT         NOT NULL,
  decision_id  TEXT         NOT NULL,
  released     BOOLEAN      NOT NULL DEFAULT false
);

-- ATR-5: orders as far as attribution needs them. click_id/code_id are null until the order is attributed; an order that
-- found no click waits received_at + grace for one. lines: the order's lines (JSON), for the commission.
CREATE TABLE order_attribution (
  order_id       TEXT         PRIMARY KEY,
  seller_id      TEXT         NOT NULL,
  buyer_id       TEXT         NOT NULL,
  device_id      TEXT,
  named_click_id UUID,
  currency       TEXT         NOT NULL,
  gmv_minor      BIGINT       NOT NULL,
  lines          TEXT         NOT NULL,
  placed_at      TIMESTAMPTZ  NOT NULL,
  paid_at        TIMESTAMPTZ,
  refunded_at    TIMESTAMPTZ,
  received_at    TIMESTAMPTZ  NOT NULL,
  click_id       UUID,
  code_id        UUID,
  click_at       TIMESTAMPTZ,
  matched_by     TEXT,
  window_seconds BIGINT
);
CREATE INDEX order_attribution_waiting_by_device ON order_attribution (device_id) WHERE click_id IS NULL;
CREATE INDEX order_attribution_waiting_by_click ON order_attribution (named_click_id) WHERE click_id IS NULL;
CREATE INDEX order_attribution_by_seller ON order_attribution (seller_id, placed_at) WHERE click_id IS NOT NULL;   -- ATR-8

-- ATR-7: one commission per order (the primary key: never credited twice). PENDING -> LOCKED -> PAID; REVERSED (refund
-- while pending); clawback_minor > 0: refunded after locking. version: optimistic lock (pay and refund races).
CREATE TABLE commission (
  order_id        TEXT         PRIMARY KEY REFERENCES order_attribution (order_id),
  seller_id       TEXT         NOT NULL,
  code_id         UUID         NOT NULL,
  currency        TEXT         NOT NULL,
  base_minor      BIGINT       NOT NULL CHECK (base_minor >= 0),
  amount_minor    BIGINT       NOT NULL CHECK (amount_minor >= 0),
  lines           TEXT         NOT NULL,   -- the itemised calculation (JSON)
  status          TEXT         NOT NULL CHECK (status IN ('PENDING', 'LOCKED', 'PAID', 'REVERSED')),
  clawback_minor  BIGINT       NOT NULL DEFAULT 0,
  accrued_at      TIMESTAMPTZ  NOT NULL,
  locks_at        TIMESTAMPTZ  NOT NULL,
  locked_at       TIMESTAMPTZ,
  paid_at         TIMESTAMPTZ,
  reversed_at     TIMESTAMPTZ,
  version         INT          NOT NULL DEFAULT 1
);
CREATE INDEX commission_due ON commission (locks_at) WHERE status = 'PENDING';
CREATE INDEX commission_by_seller ON commission (seller_id, accrued_at);

-- ATR-4: an import's answer, by the file's checksum: the same file uploaded again gets the same answer and creates nothing.
CREATE TABLE code_import (
  seller_id   TEXT         NOT NULL,
  sha256      TEXT         NOT NULL,
  result      TEXT         NOT NULL,
  created_at  TIMESTAMPTZ  NOT NULL,
  PRIMARY KEY (seller_id, sha256)
);
