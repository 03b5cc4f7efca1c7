-- Sign-in hardening: a security stamp that ends every session of an account when it changes, and failed
-- sign-ins counted per account and client so a stranger's failures cannot lock the owner out of their own client.

ALTER TABLE core_user ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';

CREATE TABLE core_sign_in_failure (
    user_id        INTEGER NOT NULL REFERENCES core_user (id) ON DELETE CASCADE,
    client         TEXT NOT NULL,
    failures       INTEGER NOT NULL DEFAULT 0,
    lockouts       INTEGER NOT NULL DEFAULT 0,
    locked_until   TEXT NULL,
    last_failed_at TEXT NOT NULL,
    PRIMARY KEY (user_id, client)
);
