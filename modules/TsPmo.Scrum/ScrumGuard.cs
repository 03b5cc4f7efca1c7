using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Scrum;

/// <summary>Finds a project and checks it is run with Scrum.</summary>
public sealed class ScrumGuard(IProjectDirectory projects)
{
    /// <summary>404 unless the project exists and is run with Scrum.</summary>
    public async Task<ProjectInfo> RequireScrumAsync(long projectId, CancellationToken ct = default)
    {
        var project = await projects.FindAsync(projectId, ct) ?? throw new NotFoundException("Project", projectId.ToString());
        if (project.MethodologyId != ScrumModule.Id)
            throw new NotFoundException("Scrum backlog of project", $"{project.Code} (it is run with {project.MethodologyId})");
        return project;
    }
}
