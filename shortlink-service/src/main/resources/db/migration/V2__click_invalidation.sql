-- RSK-5: clicks risk-service invalidated (InvalidateClick). Kept as the record of the decision, and so that an invalidation
-- arriving before its click's row (the stats consumer may lag behind risk-service) is applied when the row is inserted.
CREATE TABLE click_invalidation (
  click_id     UUID         PRIMARY KEY,
  reason       TEXT         NOT NULL,
  decision_id  TEXT         NOT NULL,
  created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
