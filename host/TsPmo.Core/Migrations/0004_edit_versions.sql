-- Module settings and project memberships carry a version, so a stale edit (a settings form or a role change made
-- on what someone else has since changed) is refused instead of silently replacing their change.
ALTER TABLE core_setting ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE core_project_member ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
