namespace TsPmo.Risk.Api;

/// <summary>The JSON body of a risk create or PATCH; on PATCH, absent fields keep their value. Owner is a person id.</summary>
public sealed record RiskRequest(
    string? Kind, string? Title, string? Description, string? Category, string? Cause, string? Event, string? Effect,
    int? Probability, int? Impact, int? ResidualProbability, int? ResidualImpact, string? ResidualReason, DateOnly? Proximity,
    long? Owner, string? Response, string? Mitigation, string? Triggers, string? Status, string? Note, long? Version);
