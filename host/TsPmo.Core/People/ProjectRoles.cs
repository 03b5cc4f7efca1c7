using TsPmo.Sdk.Security;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.People;

public static class ProjectRoles
{
    /// <summary>Reads a role by name, case-insensitively; numbers are refused so "7" never becomes a role.</summary>
    public static ProjectRole Parse(string? text) =>
        Enum.GetNames<ProjectRole>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<ProjectRole>(name)
            : throw new DomainValidationException("role", "Choose a project role: Manager, Member or Viewer.");
}
