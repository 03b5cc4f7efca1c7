-- Reporting: health overrides, the metric time series, versioned status reports, and the lease that lets one host
-- at a time run the reporting jobs.

-- A PMO's judgement that replaces the computed RAG of one dimension (or the overall, dimension NULL) until it expires.
CREATE TABLE reporting_health_override (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    dimension   TEXT NULL,
    rag         TEXT NOT NULL CHECK (rag IN ('Green', 'Amber', 'Red')),
    comment     TEXT NOT NULL,
    expires_on  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX ix_reporting_health_override_project ON reporting_health_override (project_id, expires_on);
CREATE INDEX ix_reporting_health_override_expires ON reporting_health_override (expires_on);

-- One value of one metric of one project on one day (a snapshot taken again the same day replaces it).
CREATE TABLE reporting_metric_snapshot (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    metric      TEXT NOT NULL,
    value       REAL NOT NULL,
    unit        TEXT NOT NULL,
    taken_on    TEXT NOT NULL,
    UNIQUE (project_id, metric, taken_on)
);
CREATE INDEX ix_reporting_metric_snapshot_metric ON reporting_metric_snapshot (metric, taken_on);
CREATE INDEX ix_reporting_metric_snapshot_taken ON reporting_metric_snapshot (taken_on);

-- Generated status reports, numbered per project. scheduled_slot is the weekly slot (UTC instant) a scheduled
-- report was made for: unique per project, so a slot is generated once however many hosts or restarts.
CREATE TABLE reporting_status_report (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES core_project (id) ON DELETE CASCADE,
    version         INTEGER NOT NULL,
    summary         TEXT NOT NULL,
    overall_rag     TEXT NOT NULL,
    dimensions_json TEXT NOT NULL,
    markdown        TEXT NOT NULL,
    generated_at    TEXT NOT NULL,
    generated_by    TEXT NOT NULL,
    scheduled_slot  TEXT NULL,
    UNIQUE (project_id, version)
);
CREATE UNIQUE INDEX ux_reporting_status_report_slot ON reporting_status_report (project_id, scheduled_slot) WHERE scheduled_slot IS NOT NULL;
CREATE INDEX ix_reporting_status_report_generated ON reporting_status_report (generated_at);

CREATE TABLE reporting_job_lease (
    name    TEXT PRIMARY KEY,
    holder  TEXT NOT NULL,
    until   TEXT NOT NULL
);
