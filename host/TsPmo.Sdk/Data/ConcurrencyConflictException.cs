namespace TsPmo.Sdk.Data;

/// <summary>
/// Thrown when an edit was based on a version that someone else has since changed. The host answers it
/// with a 409 problem (API) or a message on the form (pages); nothing is written.
/// </summary>
public sealed class ConcurrencyConflictException(string entity, string id)
    : Exception($"{entity} {id} was changed by someone else since you opened it. Reload to see their change, then apply yours again.")
{
    public string Entity { get; } = entity;
    public string EntityId { get; } = id;
}
