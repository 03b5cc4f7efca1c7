-- Early warnings already announced in the activity feed (so each is announced once while it lasts), and the
-- lease that lets one host at a time run the warning job.

CREATE TABLE risk_warning_seen (
    warning_key TEXT PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    first_seen  TEXT NOT NULL
);

CREATE TABLE risk_job_lease (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    until       TEXT NOT NULL
);
