namespace TsPmo.Risk.Domain;

/// <summary>
/// What a user submits to record or reassess a risk. Enums arrive as text so that an unknown value is a field
/// error ("category") rather than an unreadable request.
/// </summary>
public sealed record RiskInput
{
    public string? Kind { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Category { get; init; }
    public string? Cause { get; init; }
    public string? Event { get; init; }
    public string? Effect { get; init; }
    public int? Probability { get; init; }
    public int? Impact { get; init; }
    public int? ResidualProbability { get; init; }
    public int? ResidualImpact { get; init; }
    public string? ResidualReason { get; init; }
    public DateOnly? Proximity { get; init; }
    public long? Owner { get; init; }
    public string? Response { get; init; }
    public string? Mitigation { get; init; }
    public string? Triggers { get; init; }
    public string? Status { get; init; }

    /// <summary>Why the risk was (re)assessed; kept on the assessment row.</summary>
    public string? Note { get; init; }

    public static RiskInput From(RiskEntry r) => new()
    {
        Kind = r.Kind.ToString(), Title = r.Title, Description = r.Description, Category = r.Category.ToString(), Cause = r.Cause, Event = r.Event,
        Effect = r.Effect, Probability = r.Probability, Impact = r.Impact, ResidualProbability = r.ResidualProbability, ResidualImpact = r.ResidualImpact,
        ResidualReason = r.ResidualReason, Proximity = r.Proximity, Owner = r.Owner, Response = r.Response?.ToString(), Mitigation = r.Mitigation,
        Triggers = r.Triggers, Status = r.Status.ToString(),
    };
}
