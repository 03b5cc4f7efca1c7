namespace TsPmo.Sdk.Ports.Directory;

/// <summary>
/// Lets a module bring people it learned about (for example the resources of an imported plan) into the shared
/// directory. Implemented by core; every creation is audited.
/// </summary>
public interface IPeopleRegistration
{
    /// <summary>
    /// The person with this email (case-insensitive), else the only person with this name, else a new person
    /// (40 h weekly capacity). Archived people are matched too, so history is not duplicated.
    /// </summary>
    Task<PersonInfo> MatchOrCreateAsync(string name, string? email, CancellationToken ct = default);
}
