-- One lease table for every module's recurring jobs (IJobLease), instead of one per module.
CREATE TABLE core_job_lease (
    name    TEXT PRIMARY KEY,
    holder  TEXT NOT NULL,
    until   TEXT NOT NULL
);
