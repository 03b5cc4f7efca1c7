-- Waterfall plans: one plan per project, its calendars, the WBS with the schedule the engine computed for it
-- (kept on the task rows so reads and the ports never reschedule), links, assignments, baselines.
-- Schedule date-times are project-local wall-clock text 'yyyy-MM-ddTHH:mm:ss'; money in integer minor units.

CREATE TABLE waterfall_plan (
    project_id        INTEGER PRIMARY KEY REFERENCES core_project (id) ON DELETE CASCADE,
    plan_start        TEXT NULL,
    minutes_per_day   INTEGER NOT NULL DEFAULT 480 CHECK (minutes_per_day BETWEEN 1 AND 1440),
    minutes_per_week  INTEGER NOT NULL DEFAULT 2400 CHECK (minutes_per_week BETWEEN 1 AND 10080),
    days_per_month    INTEGER NOT NULL DEFAULT 20 CHECK (days_per_month BETWEEN 1 AND 31),
    currency          TEXT NULL,
    status_date       TEXT NULL,
    -- Microsoft Project's "tasks will always honor their constraint dates" (on by default; an import may turn it off)
    honor_constraints INTEGER NOT NULL DEFAULT 1,
    schedule_start    TEXT NULL,
    schedule_finish   TEXT NULL,
    updated_at        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1
);

-- calendar_key '' is the project calendar; other keys are task calendars (from an import).
CREATE TABLE waterfall_calendar (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    calendar_key  TEXT NOT NULL,
    name          TEXT NOT NULL,
    week_json     TEXT NOT NULL,
    UNIQUE (project_id, calendar_key)
);

CREATE TABLE waterfall_calendar_exception (
    id            INTEGER PRIMARY KEY,
    calendar_id   INTEGER NOT NULL REFERENCES waterfall_calendar (id) ON DELETE CASCADE,
    from_date     TEXT NOT NULL,
    to_date       TEXT NOT NULL,
    name          TEXT NULL,
    working_json  TEXT NOT NULL DEFAULT '[]',
    CHECK (to_date >= from_date)
);
CREATE INDEX ix_waterfall_calendar_exception_calendar ON waterfall_calendar_exception (calendar_id, from_date);

CREATE TABLE waterfall_task (
    id                  INTEGER PRIMARY KEY,
    project_id          INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    parent_id           INTEGER NULL REFERENCES waterfall_task (id) ON DELETE CASCADE,
    outline_level       INTEGER NOT NULL DEFAULT 1,
    name                TEXT NOT NULL,
    notes               TEXT NULL,
    duration_minutes    INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),
    -- from an imported file: the span of the task's timephased work (splits, resource-driven finishes); cleared when the duration is edited
    work_span_minutes   INTEGER NULL,
    leveling_delay_minutes INTEGER NOT NULL DEFAULT 0,
    leveling_delay_elapsed INTEGER NOT NULL DEFAULT 1,
    elapsed             INTEGER NOT NULL DEFAULT 0,
    milestone           INTEGER NOT NULL DEFAULT 0,
    manual              INTEGER NOT NULL DEFAULT 0,
    manual_start        TEXT NULL,
    manual_finish       TEXT NULL,
    constraint_kind     TEXT NOT NULL DEFAULT 'AsSoonAsPossible',
    constraint_date     TEXT NULL,
    deadline            TEXT NULL,
    calendar_key        TEXT NULL,
    percent_complete    REAL NOT NULL DEFAULT 0 CHECK (percent_complete BETWEEN 0 AND 100),
    actual_start        TEXT NULL,
    actual_finish       TEXT NULL,
    planned_cost_minor  INTEGER NOT NULL DEFAULT 0 CHECK (planned_cost_minor >= 0),
    actual_cost_minor   INTEGER NOT NULL DEFAULT 0 CHECK (actual_cost_minor >= 0),
    -- computed by the scheduler in the transaction of every change
    early_start         TEXT NULL,
    early_finish        TEXT NULL,
    late_start          TEXT NULL,
    late_finish         TEXT NULL,
    total_float_minutes INTEGER NOT NULL DEFAULT 0,
    free_float_minutes  INTEGER NOT NULL DEFAULT 0,
    critical            INTEGER NOT NULL DEFAULT 0,
    summary             INTEGER NOT NULL DEFAULT 0,
    deadline_missed     INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_waterfall_task_project ON waterfall_task (project_id, position);
CREATE INDEX ix_waterfall_task_parent ON waterfall_task (parent_id);
CREATE INDEX ix_waterfall_task_critical ON waterfall_task (project_id, critical, summary);

CREATE TABLE waterfall_link (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    predecessor_id  INTEGER NOT NULL REFERENCES waterfall_task (id) ON DELETE CASCADE,
    successor_id    INTEGER NOT NULL REFERENCES waterfall_task (id) ON DELETE CASCADE,
    link_type       TEXT NOT NULL,
    lag             INTEGER NOT NULL DEFAULT 0,
    lag_unit        TEXT NOT NULL DEFAULT 'WorkingMinutes',
    UNIQUE (predecessor_id, successor_id),
    CHECK (predecessor_id <> successor_id)
);
CREATE INDEX ix_waterfall_link_project ON waterfall_link (project_id);
CREATE INDEX ix_waterfall_link_successor ON waterfall_link (successor_id);

CREATE TABLE waterfall_assignment (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    task_id       INTEGER NOT NULL REFERENCES waterfall_task (id) ON DELETE CASCADE,
    person_id     INTEGER NOT NULL REFERENCES core_person (id),
    work_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (work_minutes >= 0),
    UNIQUE (task_id, person_id)
);
CREATE INDEX ix_waterfall_assignment_project ON waterfall_assignment (project_id);
CREATE INDEX ix_waterfall_assignment_person ON waterfall_assignment (person_id);

CREATE TABLE waterfall_baseline (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    UNIQUE (project_id, name)
);

-- A snapshot: task ids are kept without a foreign key so deleting a task later does not rewrite history.
CREATE TABLE waterfall_baseline_task (
    baseline_id       INTEGER NOT NULL REFERENCES waterfall_baseline (id) ON DELETE CASCADE,
    task_id           INTEGER NOT NULL,
    name              TEXT NOT NULL,
    start             TEXT NULL,
    finish            TEXT NULL,
    duration_minutes  INTEGER NOT NULL DEFAULT 0,
    cost_minor        INTEGER NOT NULL DEFAULT 0,
    work_minutes      INTEGER NOT NULL DEFAULT 0,
    summary           INTEGER NOT NULL DEFAULT 0,
    milestone         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (baseline_id, task_id)
);

-- Earned value figures recorded at status dates, so the S-curve can show EV and AC over time.
CREATE TABLE waterfall_evm_record (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    baseline_id  INTEGER NOT NULL REFERENCES waterfall_baseline (id) ON DELETE CASCADE,
    status_date  TEXT NOT NULL,
    pv_minor     INTEGER NOT NULL,
    ev_minor     INTEGER NOT NULL,
    ac_minor     INTEGER NOT NULL,
    recorded_at  TEXT NOT NULL,
    UNIQUE (baseline_id, status_date)
);
