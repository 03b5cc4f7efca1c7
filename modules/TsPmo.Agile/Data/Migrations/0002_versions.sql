-- The forecast settings and the board's columns each carry a version, so a stale edit of either is refused
-- instead of silently replacing someone else's change. A project without a settings row reads as version 0.
ALTER TABLE agile_settings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agile_settings ADD COLUMN columns_version INTEGER NOT NULL DEFAULT 1;
