namespace TsPmo.Sdk.Data;

/// <summary>
/// Bad input found by a service. The host answers a 400 validation problem (API) or shows the messages
/// next to the fields (pages). Keys are field names (camelCase), "" for the whole request.
/// </summary>
public sealed class DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public DomainValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
