namespace TsPmo.Risk.Domain;

/// <summary>One early warning about a live risk, with a sentence a person can act on.</summary>
public sealed record EarlyWarning(WarningKind Kind, long ProjectId, long RiskId, string RiskTitle, string Message)
{
    /// <summary>The overdue action, for <see cref="WarningKind.OverdueAction"/>.</summary>
    public long? ActionId { get; init; }
}
