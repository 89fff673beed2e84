-- risk-service's own state (SPEC section 8). Every fact row is keyed by the CloudEvents id of the event it came from, and
-- processed_event (db/support) marks each consumed event once: a redelivery or a replay from offset 0 changes nothing.

-- Stream time per source partition (RSK-8): the latest event time seen; an event older than it by more than the grace
-- is too late to change a decision (it is marked processed and counted, nothing else).
CREATE TABLE stream_time (
  topic       TEXT        NOT NULL,
  part        INT         NOT NULL,
  event_time  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (topic, part)
);

-- RSK-1: claims with the claimant's address.
CREATE TABLE claim_fact (
  event_id     TEXT        PRIMARY KEY,
  coupon_id    TEXT        NOT NULL,
  seller_id    TEXT        NOT NULL,
  ip           TEXT        NOT NULL,
  occurred_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX claim_fact_coupon_ip ON claim_fact (coupon_id, ip, occurred_at);

-- RSK-2 and RSK-3: what risk knows of each coupon (its pool, claims and redemptions so far).
CREATE TABLE coupon_fact (
  coupon_id        TEXT        PRIMARY KEY,
  seller_id        TEXT        NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL,          -- event time of its creation (or of its first event risk saw)
  pool_spus        TEXT[]      NOT NULL DEFAULT '{}',
  pool_categories  TEXT[]      NOT NULL DEFAULT '{}',
  pool_brands      TEXT[]      NOT NULL DEFAULT '{}',
  claims           BIGINT      NOT NULL DEFAULT 0,
  redemptions      BIGINT      NOT NULL DEFAULT 0,
  last_event_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX coupon_fact_seller ON coupon_fact (seller_id);

-- RSK-3: the latest stock sync per SKU (newest observation wins) and whether it arrived late.
CREATE TABLE sku_fact (
  sku          TEXT        PRIMARY KEY,
  seller_id    TEXT        NOT NULL,
  spu_id       TEXT        NOT NULL,
  category_id  TEXT        NOT NULL,
  brand_id     TEXT,
  observed_at  TIMESTAMPTZ NOT NULL,
  arrived_at   TIMESTAMPTZ NOT NULL,
  delay_ms     BIGINT      NOT NULL,              -- arrival minus observation; late is delay_ms over the rule's threshold
  event_id     TEXT        NOT NULL
);
CREATE INDEX sku_fact_seller_delay ON sku_fact (seller_id, delay_ms);

-- RSK-4: dispatch outcomes per seller, in event time.
CREATE TABLE gift_outcome (
  event_id     TEXT        PRIMARY KEY,
  seller_id    TEXT        NOT NULL,
  dispatch_id  TEXT        NOT NULL,
  failed       BOOLEAN     NOT NULL,
  code         TEXT,
  occurred_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX gift_outcome_seller ON gift_outcome (seller_id, occurred_at DESC);

-- RSK-5: clicks of short links and marketing codes (hashed addresses only).
CREATE TABLE click_fact (
  click_id      TEXT        PRIMARY KEY,
  source        TEXT        NOT NULL,              -- SHORTLINK or ATTRIBUTION
  link_or_code  TEXT        NOT NULL,
  seller_id     TEXT        NOT NULL,
  ip_hash       TEXT        NOT NULL,
  device_key    TEXT,                              -- attribution: device id (ATR-6 duplicates)
  occurred_at   TIMESTAMPTZ NOT NULL,
  invalid_reason TEXT                              -- set with the click's enforced InvalidateClick: one per click
);
CREATE INDEX click_fact_ip ON click_fact (ip_hash, occurred_at);
CREATE INDEX click_fact_device ON click_fact (link_or_code, device_key, occurred_at) WHERE device_key IS NOT NULL;

-- RSK-6: a Direct supplier's KPIs per day (the latest measurement of a day wins).
CREATE TABLE kpi_fact (
  supplier_id          TEXT        NOT NULL,
  day                  DATE        NOT NULL,
  fulfilment_rate_bp   BIGINT      NOT NULL,
  qc_first_pass_bp     BIGINT      NOT NULL,
  turnover_days        BIGINT      NOT NULL,
  measured_at          TIMESTAMPTZ NOT NULL,
  event_id             TEXT        NOT NULL,
  PRIMARY KEY (supplier_id, day)
);

-- RSK-7: every decision. The id is derived from rule, action, subject and the evidence that triggered it (RSK-8), so
-- the same evidence never makes two decisions; at most one open decision per rule, action, reason and subject (per status:
-- a shadow decision never blocks an enforced one).
CREATE TABLE decision (
  id             UUID        PRIMARY KEY,
  rule           TEXT        NOT NULL,
  action         TEXT        NOT NULL,             -- PAUSE_COUPON, FREEZE_GIFT_FEATURE, INVALIDATE_CLICK, KPI_WARNING, PAUSE_NEW_LISTINGS
  subject_type   TEXT        NOT NULL,             -- COUPON, GIFT_FEATURE, CLICK, SUPPLIER
  subject_id     TEXT        NOT NULL,
  seller_id      TEXT        NOT NULL,             -- whose object it is (a supplier's id for SUPPLIER)
  status         TEXT        NOT NULL,             -- ACTIVE, SHADOW, RELEASED, RESOLVED
  reason         TEXT        NOT NULL,             -- machine-readable reason, e.g. CLAIM_BURST, IP_BURST
  evidence       JSONB       NOT NULL,             -- event ids, window and figures
  thresholds     JSONB       NOT NULL,             -- the settings the rule ran with
  window_from    TIMESTAMPTZ,
  window_to      TIMESTAMPTZ,
  decided_at     TIMESTAMPTZ NOT NULL,             -- event time of the triggering event
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  closed_at      TIMESTAMPTZ,
  closed_by      TEXT,
  close_note     TEXT
);
CREATE UNIQUE INDEX decision_open ON decision (rule, action, reason, subject_type, subject_id, status) WHERE status IN ('ACTIVE', 'SHADOW');
CREATE INDEX decision_seller ON decision (seller_id, created_at DESC);
CREATE INDEX decision_list ON decision (created_at DESC, id);

-- After an operator's release, a rule counts only evidence newer than what it already decided on for that subject.
CREATE TABLE rule_suppression (
  rule        TEXT        NOT NULL,
  subject_id  TEXT        NOT NULL,
  until       TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (rule, subject_id)
);

-- Operators' changes to a rule (RSK-8): mode and thresholds over the configured defaults, and an optional shadow
-- variant evaluated beside it. Read at the start of every batch, so every instance applies a change within one batch.
CREATE TABLE rule_setting (
  rule         TEXT        PRIMARY KEY,
  mode         TEXT        NOT NULL,               -- ENFORCE, SHADOW, OFF
  thresholds   JSONB       NOT NULL,
  shadow       JSONB,                              -- thresholds of a candidate evaluated in shadow, or null
  shadow_since TIMESTAMPTZ,
  updated_by   TEXT        NOT NULL,
  updated_at   TIMESTAMPTZ NOT NULL
);

-- Every operator action (releases, rule changes), append-only.
CREATE TABLE audit_log (
  id          BIGSERIAL   PRIMARY KEY,
  at          TIMESTAMPTZ NOT NULL,
  actor       TEXT        NOT NULL,
  action      TEXT        NOT NULL,                -- RELEASE_DECISION, CHANGE_RULE
  target      TEXT        NOT NULL,                -- decision id or rule id
  detail      JSONB       NOT NULL
);
CREATE INDEX audit_log_target ON audit_log (target, id);
