namespace TsPmo.Risk.Domain;

/// <summary>One (re)assessment of a risk: the score history behind the trend chart and the "score rose" warning.</summary>
public sealed record RiskAssessment
{
    public long Id { get; init; }
    public long RiskId { get; init; }
    public int Probability { get; init; }
    public int Impact { get; init; }
    public int? ResidualProbability { get; init; }
    public int? ResidualImpact { get; init; }
    public string? Note { get; init; }
    public string AssessedBy { get; init; } = "";
    public DateTimeOffset AssessedAt { get; init; }

    public int Score => Probability * Impact;
    public int ResidualScore => ResidualProbability is { } p && ResidualImpact is { } i ? p * i : Score;
}
