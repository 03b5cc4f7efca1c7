namespace TsPmo.Risk.Domain;

/// <summary>One risk as stored, with its scores and levels (levels come from the matrix in force when it was read).</summary>
public sealed record RiskEntry
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public string? ProjectCode { get; init; }
    public string? ProjectName { get; init; }
    public RiskKind Kind { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public RiskCategory Category { get; init; }
    public string Cause { get; init; } = "";
    public string Event { get; init; } = "";
    public string Effect { get; init; } = "";
    public int Probability { get; init; }
    public int Impact { get; init; }
    public int? ResidualProbability { get; init; }
    public int? ResidualImpact { get; init; }
    public string? ResidualReason { get; init; }
    public DateOnly? Proximity { get; init; }
    public long? Owner { get; init; }
    public string? OwnerName { get; init; }
    public RiskResponse? Response { get; init; }
    public string Mitigation { get; init; } = "";
    public string Triggers { get; init; } = "";
    public RiskStatus Status { get; init; }
    public DateOnly? LastReviewed { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }

    public int Score => Probability * Impact;
    public RiskLevel Level { get; init; }

    /// <summary>The residual score, or the inherent one while no residual assessment was made.</summary>
    public int ResidualScore => ResidualProbability is { } p && ResidualImpact is { } i ? p * i : Score;
    public RiskLevel ResidualLevel { get; init; }

    public bool IsLive => Status is RiskStatus.Open or RiskStatus.Monitoring;

    internal RiskEntry Rated(RiskMatrix matrix) => this with
    {
        Level = matrix.Level(Probability, Impact),
        ResidualLevel = matrix.Level(ResidualProbability ?? Probability, ResidualImpact ?? Impact),
    };
}
