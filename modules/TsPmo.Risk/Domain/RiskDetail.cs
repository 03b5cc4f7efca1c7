namespace TsPmo.Risk.Domain;

/// <summary>A risk with its assessment history (oldest first) and its mitigation actions.</summary>
public sealed record RiskDetail(RiskEntry Risk, IReadOnlyList<RiskAssessment> Assessments, IReadOnlyList<RiskAction> Actions);
