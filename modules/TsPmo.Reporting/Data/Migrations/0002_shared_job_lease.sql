-- Recurring jobs now take their lease through the SDK (IJobLease, core_job_lease).
DROP TABLE reporting_job_lease;
