-- A calendar carries a version so a stale edit (a week or a holiday changed by someone else meanwhile) is refused
-- instead of silently replacing their change. A project that never edited its calendar reads as version 0.
ALTER TABLE waterfall_calendar ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
