namespace TsPmo.Risk.Domain;

/// <summary>A risk input that passed <see cref="RiskRules"/>: typed, trimmed, ready to store.</summary>
public sealed record ValidRisk(
    RiskKind Kind, string Title, string Description, RiskCategory Category, string Cause, string Event, string Effect,
    int Probability, int Impact, int? ResidualProbability, int? ResidualImpact, string? ResidualReason, DateOnly? Proximity,
    long? Owner, RiskResponse? Response, string Mitigation, string Triggers, RiskStatus Status, string? Note);
