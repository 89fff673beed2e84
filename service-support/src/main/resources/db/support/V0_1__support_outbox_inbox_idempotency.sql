-- Tables every service has, owned by service-support (STYLE 5 and 6). Applied by each service's Flyway
-- (quarkus.flyway.locations includes db/support) into that service's own database.

-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
CREATE TABLE outbox_event (
  id           BIGSERIAL    PRIMARY KEY,           -- publication order
  event_id     UUID         NOT NULL UNIQUE,       -- CloudEvents id, the consumers' idempotency key
  topic        TEXT         NOT NULL,
  msg_key      TEXT         NOT NULL,              -- Kafka key: the aggregate id
  type         TEXT         NOT NULL,
  version      INT          NOT NULL,
  subject      TEXT,
  payload      TEXT         NOT NULL,
  traceparent  TEXT,
  occurred_at  TIMESTAMPTZ  NOT NULL,
  created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Inbox: one row per consumed event per consumer; the primary key closes the check-then-insert race.
CREATE TABLE processed_event (
  consumer      TEXT         NOT NULL,
  event_id      TEXT         NOT NULL,
  processed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);

-- Idempotency-Key of commands: the first answer is stored and replayed for a retry with the same key.
CREATE TABLE idempotency_key (
  scope         TEXT         NOT NULL,             -- caller and operation, e.g. "seller:s1:create-coupon"
  idem_key      TEXT         NOT NULL,
  request_hash  TEXT         NOT NULL,
  status        INT          NOT NULL,
  body          TEXT         NOT NULL,
  created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, idem_key)
);
