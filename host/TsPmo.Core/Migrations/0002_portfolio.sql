-- The portfolio: people, projects, membership, lifecycle history, documents with revisions.

CREATE TABLE core_person (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT NOT NULL,
    email                 TEXT NULL,
    title                 TEXT NULL,
    weekly_capacity_hours REAL NOT NULL DEFAULT 40,
    user_id               INTEGER NULL UNIQUE REFERENCES core_user (id),
    archived              INTEGER NOT NULL DEFAULT 0,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_core_person_email ON core_person (email COLLATE NOCASE) WHERE email IS NOT NULL;
CREATE INDEX ix_core_person_name ON core_person (name COLLATE NOCASE);

CREATE TABLE core_person_skill (
    person_id INTEGER NOT NULL REFERENCES core_person (id) ON DELETE CASCADE,
    name      TEXT NOT NULL COLLATE NOCASE,
    level     INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    PRIMARY KEY (person_id, name)
);
CREATE INDEX ix_core_person_skill_name ON core_person_skill (name);

CREATE TABLE core_person_time_off (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES core_person (id) ON DELETE CASCADE,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    reason     TEXT NULL,
    CHECK (end_date >= start_date)
);
CREATE INDEX ix_core_person_time_off_person ON core_person_time_off (person_id, start_date);

CREATE TABLE core_project (
    id                   INTEGER PRIMARY KEY,
    code                 TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name                 TEXT NOT NULL,
    description          TEXT NOT NULL DEFAULT '',
    owner_person_id      INTEGER NULL REFERENCES core_person (id),
    sponsor_person_id    INTEGER NULL REFERENCES core_person (id),
    start_date           TEXT NULL,
    target_date          TEXT NULL,
    budget_minor         INTEGER NULL CHECK (budget_minor IS NULL OR budget_minor >= 0),
    currency             TEXT NULL,
    business_value       INTEGER NOT NULL DEFAULT 3 CHECK (business_value BETWEEN 1 AND 5),
    strategic_importance INTEGER NOT NULL DEFAULT 3 CHECK (strategic_importance BETWEEN 1 AND 5),
    priority             TEXT NOT NULL DEFAULT 'Medium',
    methodology_id       TEXT NOT NULL,
    phase                TEXT NOT NULL DEFAULT 'Initiation',
    phase_reason         TEXT NULL,
    phase_before_hold    TEXT NULL,
    archived             INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    version              INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_core_project_phase ON core_project (archived, phase);
CREATE INDEX ix_core_project_methodology ON core_project (archived, methodology_id);
CREATE INDEX ix_core_project_owner ON core_project (owner_person_id);
CREATE INDEX ix_core_project_name ON core_project (archived, name COLLATE NOCASE);
CREATE INDEX ix_core_project_target ON core_project (archived, target_date);

CREATE TABLE core_project_tag (
    project_id INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (project_id, tag)
);
CREATE INDEX ix_core_project_tag_tag ON core_project_tag (tag);

CREATE TABLE core_project_member (
    project_id INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES core_person (id),
    role       TEXT NOT NULL CHECK (role IN ('Manager', 'Member', 'Viewer')),
    added_at   TEXT NOT NULL,
    PRIMARY KEY (project_id, person_id)
);
CREATE INDEX ix_core_project_member_person ON core_project_member (person_id);

CREATE TABLE core_phase_change (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    from_phase  TEXT NULL,
    to_phase    TEXT NOT NULL,
    reason      TEXT NULL,
    changed_by  TEXT NOT NULL,
    changed_at  TEXT NOT NULL
);
CREATE INDEX ix_core_phase_change_project ON core_phase_change (project_id, id);

CREATE TABLE core_document (
    id               INTEGER PRIMARY KEY,
    project_id       INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    title            TEXT NOT NULL,
    kind             TEXT NOT NULL,
    current_revision INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_core_document_project ON core_document (project_id, updated_at);

CREATE TABLE core_document_revision (
    document_id INTEGER NOT NULL REFERENCES core_document (id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (document_id, revision)
);

CREATE INDEX ix_core_audit_module ON core_audit (module_id, id);
CREATE INDEX ix_core_audit_user ON core_audit (user_id, id);
