-- Issue 8: the audit log becomes tamper-evident. Rows are written as before (in the audited change's transaction)
-- and sealed shortly after commit, one at a time in sealing order: seq numbers the sealed rows without gaps,
-- prev_hash is the previous sealed row's hash and hash = SHA-256 over the row's canonical form (AuditChain). An
-- edited row no longer matches its hash, a deleted one leaves a gap in seq and a broken link. Sealing after commit
-- (not at insert) keeps audited transactions from queueing on one lock.
ALTER TABLE audit_event ADD COLUMN seq BIGINT UNIQUE;
ALTER TABLE audit_event ADD COLUMN prev_hash CHAR(64);
ALTER TABLE audit_event ADD COLUMN hash CHAR(64);
ALTER TABLE audit_event ADD COLUMN sealed_at TIMESTAMPTZ;
CREATE INDEX audit_event_unsealed_idx ON audit_event (id) WHERE seq IS NULL;
CREATE INDEX audit_event_actor_idx ON audit_event (actor, id);
CREATE INDEX audit_event_action_idx ON audit_event (action, id);

-- The head of the chain; sealers lock it, so two service instances never seal the same row or fork the chain.
CREATE TABLE audit_chain_head (
    id       SMALLINT    PRIMARY KEY CHECK (id = 1),
    seq      BIGINT      NOT NULL,
    hash     CHAR(64)    NOT NULL,
    at       TIMESTAMPTZ NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash, at)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', now());

-- Append-only: a row may be sealed once (seal columns from NULL), never changed or deleted otherwise. (The chain,
-- not this trigger, is the proof: an owner of the database can drop a trigger, but not recompute every later hash
-- without the anchors noticing.)
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the audit log is append-only: DELETE refused';
    END IF;
    IF OLD.seq IS NOT NULL OR NEW.id <> OLD.id OR NEW.at <> OLD.at OR NEW.actor <> OLD.actor
            OR NEW.action <> OLD.action OR NEW.subject_type <> OLD.subject_type OR NEW.subject_id <> OLD.subject_id
            OR NEW.before_json IS DISTINCT FROM OLD.before_json OR NEW.after_json IS DISTINCT FROM OLD.after_json
            OR NEW.request_id IS DISTINCT FROM OLD.request_id THEN
        RAISE EXCEPTION 'the audit log is append-only: only sealing an unsealed row is allowed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
