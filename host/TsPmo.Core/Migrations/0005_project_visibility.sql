-- Who reads a project: every signed-in user (Organization, the behaviour so far) or only its members, the PMO and
-- Admins (Private). The partial index keeps "which private projects may this user not read" a short scan.
ALTER TABLE core_project ADD COLUMN visibility TEXT NOT NULL DEFAULT 'Organization' CHECK (visibility IN ('Organization', 'Private'));
CREATE INDEX ix_core_project_private ON core_project (id) WHERE visibility = 'Private';
-- Counting and paging what a member may read walks (archived, visibility) and the rowid without touching the table.
CREATE INDEX ix_core_project_visibility ON core_project (archived, visibility);
