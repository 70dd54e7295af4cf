-- Requests whose action runs outside the claiming transaction (a purchase runs its settlement saga, step by step):
-- the key is claimed in a short transaction of its own and stays "in progress" (no response yet) until the answer is
-- stored. claim_token says which execution holds it; lease_until is when another request may take an abandoned
-- claim over (its holder crashed). Rows claimed and answered in one transaction leave both NULL.
ALTER TABLE idempotency_key ADD COLUMN claim_token VARCHAR(64);
ALTER TABLE idempotency_key ADD COLUMN lease_until TIMESTAMPTZ;
