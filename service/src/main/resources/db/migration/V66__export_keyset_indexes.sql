-- Issue 8: CSV exports read each table in keyset pages ordered by (time, id) within a period; these indexes serve
-- that order (risk_alert already has (raised_at DESC, id DESC), which PostgreSQL scans backwards).
CREATE INDEX board_trade_created_id_idx ON board_trade (created_at, id);
CREATE INDEX risk_case_opened_id_idx ON risk_case (opened_at, id);
CREATE INDEX audit_event_at_id_idx ON audit_event (at, id);
