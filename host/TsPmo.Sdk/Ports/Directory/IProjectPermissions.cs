namespace TsPmo.Sdk.Ports.Directory;

/// <summary>
/// Whether the current user may change a project (its managers, the PMO and administrators) — the rule a
/// module applies to its own data about the project. Everyone signed in may read. Implemented by core.
/// </summary>
public interface IProjectPermissions
{
    Task<bool> CanEditAsync(long projectId, CancellationToken ct = default);

    /// <summary>Throws <see cref="Security.AccessDeniedException"/> unless the current user may change the project.</summary>
    Task DemandEditAsync(long projectId, CancellationToken ct = default);
}
