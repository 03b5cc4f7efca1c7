using TsPmo.Sdk.Data;

namespace TsPmo.Sdk.Ports.Directory;

/// <summary>The checks every module makes against the directory before it reads or writes, written once.</summary>
public static class DirectoryExtensions
{
    /// <summary>
    /// The project, or a 404 when it does not exist or the caller may not read it; with <paramref name="methodologyId"/>,
    /// also a 404 (<see cref="MethodologyMismatchException"/>, naming the methodology it uses) when the project is run
    /// with another methodology.
    /// </summary>
    public static async Task<ProjectInfo> RequireAsync(this IProjectDirectory projects, long projectId, string? methodologyId = null, CancellationToken ct = default)
    {
        var project = await projects.FindAsync(projectId, ct) ?? throw new NotFoundException("Project", projectId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (methodologyId is not null && !string.Equals(project.MethodologyId, methodologyId, StringComparison.Ordinal))
            throw new MethodologyMismatchException(project.Code, methodologyId, project.MethodologyId);
        return project;
    }

    /// <summary>
    /// Refuses a reference to a person who is not in the directory (archived people count: work may stay with someone
    /// who left), as a validation error on <paramref name="field"/>; null passes.
    /// </summary>
    public static async Task RequirePersonAsync(this IPeopleDirectory people, long? personId, string field, CancellationToken ct = default)
    {
        if (personId is not { } id) return;
        if (await people.FindAsync(id, ct) is null)
            throw new DomainValidationException(field, $"There is no person {id} in the directory.");
    }
}
