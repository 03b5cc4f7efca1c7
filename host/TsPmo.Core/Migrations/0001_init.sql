-- Core schema: module state, settings, accounts, API tokens, audit trail, data-protection keys.

CREATE TABLE core_module_state (
    module_id  TEXT PRIMARY KEY,
    enabled    INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
);

CREATE TABLE core_setting (
    module_id  TEXT NOT NULL,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (module_id, key)
);

CREATE TABLE core_user (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL,
    is_active       INTEGER NOT NULL DEFAULT 1,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT NULL,
    created_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_core_user_role ON core_user (role, is_active);

CREATE TABLE core_api_token (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES core_user (id),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    prefix       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NULL,
    last_used_at TEXT NULL,
    revoked_at   TEXT NULL
);
CREATE INDEX ix_core_api_token_user ON core_api_token (user_id);

CREATE TABLE core_audit (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_id     INTEGER NULL,
    user_name   TEXT NOT NULL,
    module_id   TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    action      TEXT NOT NULL,
    project_id  INTEGER NULL,
    before_json TEXT NULL,
    after_json  TEXT NULL
);
CREATE INDEX ix_core_audit_entity ON core_audit (entity_type, entity_id);
CREATE INDEX ix_core_audit_project ON core_audit (project_id, id);
CREATE INDEX ix_core_audit_at ON core_audit (at);

CREATE TABLE core_dataprotection_key (
    friendly_name TEXT PRIMARY KEY,
    xml           TEXT NOT NULL
);
