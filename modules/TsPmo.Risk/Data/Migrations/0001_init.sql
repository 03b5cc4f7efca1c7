-- The RAID log: risks (with assessment history and mitigation actions), issues, assumptions, dependencies.

CREATE TABLE risk_risk (
    id                    INTEGER PRIMARY KEY,
    project_id            INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    kind                  TEXT NOT NULL DEFAULT 'Threat' CHECK (kind IN ('Threat', 'Opportunity')),
    title                 TEXT NOT NULL,
    description           TEXT NOT NULL DEFAULT '',
    category              TEXT NOT NULL,
    cause                 TEXT NOT NULL DEFAULT '',
    event                 TEXT NOT NULL DEFAULT '',
    effect                TEXT NOT NULL DEFAULT '',
    probability           INTEGER NOT NULL CHECK (probability BETWEEN 1 AND 5),
    impact                INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    residual_probability  INTEGER NULL CHECK (residual_probability BETWEEN 1 AND 5),
    residual_impact       INTEGER NULL CHECK (residual_impact BETWEEN 1 AND 5),
    residual_reason       TEXT NULL,
    proximity_date        TEXT NULL,
    owner_person_id       INTEGER NULL REFERENCES core_person (id),
    response              TEXT NULL,
    mitigation            TEXT NOT NULL DEFAULT '',
    triggers              TEXT NOT NULL DEFAULT '',
    status                TEXT NOT NULL DEFAULT 'Open',
    last_reviewed         TEXT NULL,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_risk_risk_project ON risk_risk (project_id, status);
CREATE INDEX ix_risk_risk_score ON risk_risk (status, probability, impact);
CREATE INDEX ix_risk_risk_category ON risk_risk (category);
CREATE INDEX ix_risk_risk_owner ON risk_risk (owner_person_id);

CREATE TABLE risk_assessment (
    id                   INTEGER PRIMARY KEY,
    risk_id              INTEGER NOT NULL REFERENCES risk_risk (id) ON DELETE CASCADE,
    probability          INTEGER NOT NULL,
    impact               INTEGER NOT NULL,
    residual_probability INTEGER NULL,
    residual_impact      INTEGER NULL,
    note                 TEXT NULL,
    assessed_by          TEXT NOT NULL,
    assessed_at          TEXT NOT NULL
);
CREATE INDEX ix_risk_assessment_risk ON risk_assessment (risk_id, id);

CREATE TABLE risk_action (
    id              INTEGER PRIMARY KEY,
    risk_id         INTEGER NOT NULL REFERENCES risk_risk (id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    owner_person_id INTEGER NULL REFERENCES core_person (id),
    due_date        TEXT NULL,
    status          TEXT NOT NULL DEFAULT 'Open' CHECK (status IN ('Open', 'InProgress', 'Done', 'Cancelled')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_risk_action_risk ON risk_action (risk_id);
CREATE INDEX ix_risk_action_due ON risk_action (status, due_date);

CREATE TABLE risk_issue (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    severity        TEXT NOT NULL CHECK (severity IN ('Low', 'Medium', 'High', 'Critical')),
    owner_person_id INTEGER NULL REFERENCES core_person (id),
    due_date        TEXT NULL,
    status          TEXT NOT NULL DEFAULT 'Open' CHECK (status IN ('Open', 'InProgress', 'Resolved', 'Closed')),
    resolution      TEXT NULL,
    from_risk_id    INTEGER NULL REFERENCES risk_risk (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_risk_issue_project ON risk_issue (project_id, status);
CREATE UNIQUE INDEX ux_risk_issue_from_risk ON risk_issue (from_risk_id) WHERE from_risk_id IS NOT NULL;

CREATE TABLE risk_assumption (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    validated    INTEGER NOT NULL DEFAULT 0,
    validated_by TEXT NULL,
    validated_at TEXT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_risk_assumption_project ON risk_assumption (project_id);

CREATE TABLE risk_dependency (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    on_project_id   INTEGER NULL REFERENCES core_project (id),
    vendor          TEXT NULL,
    needed_by       TEXT NULL,
    status          TEXT NOT NULL DEFAULT 'Open' CHECK (status IN ('Open', 'OnTrack', 'AtRisk', 'Late', 'Delivered')),
    owner_person_id INTEGER NULL REFERENCES core_person (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    CHECK (on_project_id IS NOT NULL OR vendor IS NOT NULL)
);
CREATE INDEX ix_risk_dependency_project ON risk_dependency (project_id, status);
CREATE INDEX ix_risk_dependency_on ON risk_dependency (on_project_id);
