-- shortlink-service schema (SPEC section 7). Owned by this service alone.

-- A short link (SHL-1). target/mobile_target are canonical (TargetPolicy), utm_query is already encoded (SHL-4).
-- A deleted link keeps its row (deleted_at): its code answers 404 and is never given out again (SHL-5).
CREATE TABLE link (
  code           TEXT         PRIMARY KEY,
  seller_id      TEXT         NOT NULL,
  channel        TEXT,
  campaign       TEXT,
  target         TEXT         NOT NULL,
  mobile_target  TEXT,
  utm_query      TEXT         NOT NULL DEFAULT '',
  sku            TEXT,
  expires_at     TIMESTAMPTZ,
  max_visits     BIGINT,
  custom_alias   BOOLEAN      NOT NULL DEFAULT false,
  version        INT          NOT NULL DEFAULT 1,      -- grows with every change of target and on deletion
  created_at     TIMESTAMPTZ  NOT NULL,
  updated_at     TIMESTAMPTZ  NOT NULL,
  deleted_at     TIMESTAMPTZ
);
CREATE INDEX link_by_seller ON link (seller_id, created_at DESC, code) WHERE deleted_at IS NULL;
CREATE INDEX link_by_seller_channel ON link (seller_id, channel, campaign) WHERE deleted_at IS NULL;

-- SHL-8: every target a link ever had, version 1 being the first.
CREATE TABLE link_target_history (
  code           TEXT         NOT NULL REFERENCES link (code),
  version        INT          NOT NULL,
  target         TEXT         NOT NULL,
  mobile_target  TEXT,
  changed_at     TIMESTAMPTZ  NOT NULL,
  PRIMARY KEY (code, version)
);

-- SHL-3: what eligibility needs of each seller's latest profile (platform.sellers; the latest event time wins).
CREATE TABLE seller_profile (
  seller_id                   TEXT         PRIMARY KEY,
  entity_type                 TEXT         NOT NULL,
  verified                    BOOLEAN      NOT NULL,
  last_serious_violation_at   TIMESTAMPTZ,
  as_of                       TIMESTAMPTZ  NOT NULL
);

-- SHL-5: the latest stock fact per SKU (platform.stock; the latest observation wins).
CREATE TABLE sku_stock (
  sku          TEXT         PRIMARY KEY,
  seller_id    TEXT         NOT NULL,
  quantity     BIGINT       NOT NULL,
  listed       BOOLEAN      NOT NULL,
  observed_at  TIMESTAMPTZ  NOT NULL
);

-- SHL-6: one row per LinkClicked (the primary key makes a replay change nothing). No raw IP: keyed hashes only.
-- bot_reason: a bot, kept out of PV/UV and counted apart. invalid_reason: a click risk-service invalidated (RSK-5).
CREATE TABLE link_click (
  click_id        UUID         PRIMARY KEY,
  code            TEXT         NOT NULL,
  seller_id       TEXT         NOT NULL,
  occurred_at     TIMESTAMPTZ  NOT NULL,
  visitor_hash    TEXT         NOT NULL,
  ip_hash         TEXT         NOT NULL,
  country         TEXT,
  device_type     TEXT         NOT NULL,
  bot_reason      TEXT,
  outcome         TEXT         NOT NULL,
  referrer        TEXT,
  invalid_reason  TEXT
);
CREATE INDEX link_click_by_code_time ON link_click (code, occurred_at);
