-- The home page's "Top risks" widget: the five live risks with the highest residual score (the inherent score while
-- no residual is recorded), then the highest inherent score. This partial index on those two expressions lets
-- SQLite read the first five in order instead of sorting every live risk of the portfolio. The expressions must stay
-- exactly as written in RiskStore.TopAsync for the planner to use it.
CREATE INDEX ix_risk_risk_live_residual ON risk_risk (
    COALESCE(residual_probability * residual_impact, probability * impact) DESC,
    (probability * impact) DESC)
    WHERE status IN ('Open', 'Monitoring');
