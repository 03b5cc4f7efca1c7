-- Recurring jobs now take their lease through the SDK (IJobLease, core_job_lease).
DROP TABLE risk_job_lease;
