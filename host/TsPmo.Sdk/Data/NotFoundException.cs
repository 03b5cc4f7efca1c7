namespace TsPmo.Sdk.Data;

/// <summary>Thrown for a missing record; the host answers 404 (a problem document for the API, the not-found page for pages).</summary>
public class NotFoundException : Exception
{
    public NotFoundException(string entity, string id) : base($"{entity} {id} was not found.") { }

    protected NotFoundException(string message) : base(message) { }
}

/// <summary>
/// Thrown when a methodology module's page or API is asked about a project run with another methodology: for that
/// project the module's pages do not exist (404), and the message says which methodology it uses instead.
/// </summary>
public sealed class MethodologyMismatchException(string projectCode, string expected, string actual)
    : NotFoundException($"Project {projectCode} is run with {actual}, not {expected}: its {expected} pages do not exist.")
{
    public string Expected { get; } = expected;
    public string Actual { get; } = actual;
}
