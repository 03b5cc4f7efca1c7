using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Reporting.Domain;

/// <summary>
/// A PMO's judgement replacing the computed RAG of one <see cref="Dimension"/> (or of the overall when null) up to
/// and including <see cref="ExpiresOn"/>. Expired overrides are kept and shown as history.
/// </summary>
public sealed record HealthOverride(long Id, long ProjectId, HealthDimension? Dimension, Rag Rag, string Comment, DateOnly ExpiresOn,
    string CreatedBy, DateTimeOffset CreatedAt)
{
    public bool IsActiveOn(DateOnly today) => today <= ExpiresOn;

    public string Scope => Dimension?.ToString() ?? "Overall";
}
