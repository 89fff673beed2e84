-- Issue 15: a release forgives what its decision was about, keyed as the rule reads it back: RSK-1 a coupon's claims from the
-- decision's address (coupon id, newline, address), an RSK-5 address burst the hashed address. Releases written before were
-- keyed by the decision's subject (RSK-1: every address of the coupon; RSK-5: a click id nothing reads); they are re-keyed.
DELETE FROM rule_suppression WHERE rule IN ('RSK-1', 'RSK-5');
INSERT INTO rule_suppression (rule, subject_id, until)
SELECT rule, key, max(until) FROM (
  SELECT rule, subject_id || E'\n' || (evidence ->> 'ip') AS key, coalesce(window_to, decided_at) AS until
    FROM decision WHERE rule = 'RSK-1' AND status = 'RELEASED' AND evidence ? 'ip'
  UNION ALL
  SELECT rule, evidence ->> 'ipHash', coalesce(window_to, decided_at)
    FROM decision WHERE rule = 'RSK-5' AND reason = 'IP_BURST' AND status = 'RELEASED' AND evidence ? 'ipHash'
) released
GROUP BY rule, key;
