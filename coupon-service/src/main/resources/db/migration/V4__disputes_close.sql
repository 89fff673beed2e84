-- CPN-9 (issue 15): a dispute counts while it is in arbitration; platform.dispute-closed ends that. A close may arrive before
-- its escalation (two events, no order between them): the row then exists with no escalation time and never counts.
ALTER TABLE buyer_arbitration ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE buyer_arbitration ALTER COLUMN escalated_at DROP NOT NULL;
