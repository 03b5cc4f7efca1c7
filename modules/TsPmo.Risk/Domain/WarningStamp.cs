namespace TsPmo.Risk.Domain;

/// <summary>
/// A cheap version of everything the portfolio's early warnings read (the idea of Reporting's ADR 0010). Every change to
/// a risk, an action, an assessment or a module setting (the matrix, <c>reviewDays</c>) is audited, so the data
/// version's change counter (<see cref="TsPmo.Sdk.Ports.Changes.IDataVersions"/>) moves with any edit; the last ids of
/// the three risk tables catch rows inserted without an audit entry (seeding, imports); and "today" moves the date
/// rules (an action becomes overdue at midnight without any edit). Every part is an index lookup.
/// </summary>
public sealed record WarningStamp(long Changes, long LastRiskId, long LastActionId, long LastAssessmentId, DateOnly Today);
