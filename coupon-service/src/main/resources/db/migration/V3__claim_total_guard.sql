-- CPN-3 held by PostgreSQL itself (issue 15): Redis decides claims fast, but when Redis is wrong (its state rebuilt late, a
-- reservation handed back after a commit whose acknowledgement was lost) the total and the budget must still hold. One row per
-- coupon counts the claims and the face value issued; a statement trigger adds every statement's claims to it and refuses the
-- whole statement (SQLSTATE CP003) if a coupon would pass its total quantity or its discount budget. The claim batch statement
-- (ClaimStore) reads and locks the row first and stores only the claims that fit, so the trigger never fires there; it is the
-- guard of every other path (an Idempotency-Key claim, a hand-written insert). VOID claims keep counting, as they always have.
-- Deploy: no claim may commit between the count below and the trigger's creation (it would not be counted), hence the lock;
-- and instances of the previous build (whose claim statement does not keep within the count) stopped first: not rolling.
LOCK TABLE coupon_claim IN SHARE ROW EXCLUSIVE MODE;
CREATE TABLE coupon_issuance (
  coupon_id         UUID    PRIMARY KEY REFERENCES coupon (id),
  claims            BIGINT  NOT NULL CHECK (claims >= 0),
  face_value_minor  BIGINT  NOT NULL CHECK (face_value_minor >= 0)
);
INSERT INTO coupon_issuance (coupon_id, claims, face_value_minor)
  SELECT c.id, count(cc.id), coalesce(sum(cc.face_value_minor), 0)
  FROM coupon c LEFT JOIN coupon_claim cc ON cc.coupon_id = c.id GROUP BY c.id;

CREATE FUNCTION coupon_issuance_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coupon_issuance (coupon_id, claims, face_value_minor) VALUES (NEW.id, 0, 0) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER coupon_issuance_open AFTER INSERT ON coupon FOR EACH ROW EXECUTE FUNCTION coupon_issuance_open();

CREATE FUNCTION coupon_issuance_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  over UUID;
BEGIN
  WITH added AS (SELECT coupon_id, count(*) AS claims, sum(face_value_minor) AS face FROM inserted GROUP BY coupon_id),
  counted AS (
    INSERT INTO coupon_issuance AS i (coupon_id, claims, face_value_minor) SELECT coupon_id, claims, face FROM added
    ON CONFLICT (coupon_id) DO UPDATE SET claims = i.claims + excluded.claims,
      face_value_minor = i.face_value_minor + excluded.face_value_minor
    RETURNING i.coupon_id, i.claims, i.face_value_minor)
  SELECT n.coupon_id INTO over FROM counted n JOIN coupon c ON c.id = n.coupon_id
  WHERE n.claims > c.total_quantity OR (c.budget_minor IS NOT NULL AND n.face_value_minor > c.budget_minor)
  LIMIT 1;
  IF over IS NOT NULL THEN
    RAISE EXCEPTION 'CPN-3: the claims would pass the total quantity or the budget of coupon %', over USING ERRCODE = 'CP003';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER coupon_issuance_guard AFTER INSERT ON coupon_claim REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION coupon_issuance_guard();
