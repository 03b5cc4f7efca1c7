namespace TsPmo.Risk.Domain;

/// <summary>A filter over the portfolio's risks; every criterion optional. Page is 1-based.</summary>
public sealed record RiskQuery
{
    public RiskCategory? Category { get; init; }
    public int? MinScore { get; init; }
    public long? ProjectId { get; init; }
    public RiskStatus? Status { get; init; }
    public RiskLevel? Level { get; init; }
    public long? Owner { get; init; }

    /// <summary>Only risks in one heat-map cell (with <see cref="Residual"/>: the residual cell, falling back to the inherent one).</summary>
    public int? Probability { get; init; }
    public int? Impact { get; init; }
    public bool Residual { get; init; }

    /// <summary>Only Open and Monitoring risks: what the heat maps count.</summary>
    public bool LiveOnly { get; init; }

    /// <summary>Projects the reader may not read (their read scope's hidden ids); their risks are left out.</summary>
    public IReadOnlyCollection<long>? HiddenProjects { get; init; }

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}
