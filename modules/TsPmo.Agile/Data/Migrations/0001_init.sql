-- Agile (Kanban) boards: columns per project, cards, and every move with its instant.

CREATE TABLE agile_column (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    wip_limit    INTEGER NULL CHECK (wip_limit IS NULL OR wip_limit > 0),
    policy       TEXT NOT NULL DEFAULT '',
    is_started   INTEGER NOT NULL DEFAULT 0,
    is_done      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (project_id, name)
);
CREATE INDEX ix_agile_column_project ON agile_column (project_id, position);

CREATE TABLE agile_card (
    id               INTEGER PRIMARY KEY,
    project_id       INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    column_id        INTEGER NOT NULL REFERENCES agile_column (id),
    position         INTEGER NOT NULL DEFAULT 0,
    title            TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    class_of_service TEXT NOT NULL DEFAULT 'Standard',
    assignee_id      INTEGER NULL REFERENCES core_person (id),
    estimate_hours   REAL NULL CHECK (estimate_hours IS NULL OR estimate_hours >= 0),
    due_date         TEXT NULL,
    blocked          INTEGER NOT NULL DEFAULT 0,
    blocked_reason   TEXT NULL,
    created_at       TEXT NOT NULL,
    started_at       TEXT NULL,
    done_at          TEXT NULL,
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_agile_card_board ON agile_card (project_id, column_id, position);
CREATE INDEX ix_agile_card_done ON agile_card (project_id, done_at);
CREATE INDEX ix_agile_card_assignee ON agile_card (assignee_id);

CREATE TABLE agile_card_move (
    id          INTEGER PRIMARY KEY,
    card_id     INTEGER NOT NULL REFERENCES agile_card (id) ON DELETE CASCADE,
    project_id  INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    from_column TEXT NULL,
    to_column   TEXT NOT NULL,
    at          TEXT NOT NULL,
    moved_by    TEXT NOT NULL
);
CREATE INDEX ix_agile_card_move_project ON agile_card_move (project_id, at);
CREATE INDEX ix_agile_card_move_card ON agile_card_move (card_id, id);

CREATE TABLE agile_settings (
    project_id        INTEGER PRIMARY KEY REFERENCES core_project (id) ON DELETE CASCADE,
    forecast_trials   INTEGER NOT NULL DEFAULT 10000 CHECK (forecast_trials BETWEEN 100 AND 100000),
    history_weeks     INTEGER NOT NULL DEFAULT 26 CHECK (history_weeks BETWEEN 4 AND 260)
);
