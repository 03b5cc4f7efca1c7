-- Scrum: the ordered backlog, sprints, every status and scope change with its instant (so burndown and burnup
-- are exact from history), and retrospectives whose actions carry over until done.

CREATE TABLE scrum_sprint (
    id                INTEGER PRIMARY KEY,
    project_id        INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    goal              TEXT NOT NULL DEFAULT '',
    start_date        TEXT NOT NULL,
    end_date          TEXT NOT NULL CHECK (end_date >= start_date),
    capacity_points   REAL NOT NULL DEFAULT 0 CHECK (capacity_points >= 0),
    state             TEXT NOT NULL DEFAULT 'Planned' CHECK (state IN ('Planned', 'Active', 'Completed')),
    started_at        TEXT NULL,
    completed_at      TEXT NULL,
    committed_points  REAL NULL,
    completed_points  REAL NULL,
    unfinished_to     TEXT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_scrum_sprint_project ON scrum_sprint (project_id, start_date);
-- One active sprint per project, enforced by the database as well as the service.
CREATE UNIQUE INDEX ux_scrum_sprint_active ON scrum_sprint (project_id) WHERE state = 'Active';

CREATE TABLE scrum_item (
    id                  INTEGER PRIMARY KEY,
    project_id          INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    sprint_id           INTEGER NULL REFERENCES scrum_sprint (id) ON DELETE SET NULL,
    type                TEXT NOT NULL DEFAULT 'Story' CHECK (type IN ('Story', 'Bug', 'Task')),
    title               TEXT NOT NULL,
    description         TEXT NOT NULL DEFAULT '',
    acceptance_criteria TEXT NOT NULL DEFAULT '',
    points              REAL NOT NULL DEFAULT 0 CHECK (points >= 0),
    estimate_hours      REAL NULL CHECK (estimate_hours IS NULL OR estimate_hours >= 0),
    assignee_id         INTEGER NULL REFERENCES core_person (id),
    status              TEXT NOT NULL DEFAULT 'ToDo' CHECK (status IN ('ToDo', 'InProgress', 'Done')),
    rank                INTEGER NOT NULL DEFAULT 0,
    board_position      INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    done_at             TEXT NULL,
    version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_scrum_item_backlog ON scrum_item (project_id, sprint_id, rank);
CREATE INDEX ix_scrum_item_sprint ON scrum_item (sprint_id, status, board_position);
CREATE INDEX ix_scrum_item_assignee ON scrum_item (assignee_id);

-- Every change that matters to a sprint chart: status changes, and scope changes (committed at the start, added,
-- removed, re-estimated). scope_delta / done_delta are the points the change adds to the sprint's scope and to
-- its completed work; both are 0 for changes outside an active sprint (kept for the item's history).
CREATE TABLE scrum_item_event (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    item_id      INTEGER NOT NULL REFERENCES scrum_item (id) ON DELETE CASCADE,
    sprint_id    INTEGER NULL REFERENCES scrum_sprint (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    from_status  TEXT NULL,
    to_status    TEXT NULL,
    scope_delta  REAL NOT NULL DEFAULT 0,
    done_delta   REAL NOT NULL DEFAULT 0,
    at           TEXT NOT NULL,
    by_name      TEXT NOT NULL
);
CREATE INDEX ix_scrum_item_event_sprint ON scrum_item_event (sprint_id, at);
CREATE INDEX ix_scrum_item_event_item ON scrum_item_event (item_id, id);

CREATE TABLE scrum_retro (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    sprint_id   INTEGER NOT NULL UNIQUE REFERENCES scrum_sprint (id) ON DELETE CASCADE,
    went_well   TEXT NOT NULL DEFAULT '',
    to_improve  TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_scrum_retro_project ON scrum_retro (project_id);

CREATE TABLE scrum_retro_action (
    id               INTEGER PRIMARY KEY,
    project_id       INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    sprint_id        INTEGER NOT NULL REFERENCES scrum_sprint (id) ON DELETE CASCADE,
    text             TEXT NOT NULL,
    owner_person_id  INTEGER NULL REFERENCES core_person (id),
    status           TEXT NOT NULL DEFAULT 'Open' CHECK (status IN ('Open', 'InProgress', 'Done')),
    created_at       TEXT NOT NULL,
    done_at          TEXT NULL,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_scrum_retro_action_project ON scrum_retro_action (project_id, status);
