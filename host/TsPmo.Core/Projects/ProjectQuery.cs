using TsPmo.Sdk.Ports.Lifecycle;

namespace TsPmo.Core.Projects;

public enum ProjectSort { Name, Code, Phase, Methodology, Owner, Start, Target, Priority, Value, Updated }

/// <summary>A page of the portfolio: filters (all optional, combined with AND), sort and paging.</summary>
public sealed record ProjectQuery
{
    public LifecyclePhase? Phase { get; init; }
    public string? Methodology { get; init; }
    public long? OwnerPersonId { get; init; }
    public string? Tag { get; init; }
    public string? Text { get; init; }
    public bool IncludeArchived { get; init; }
    public ProjectSort Sort { get; init; } = ProjectSort.Name;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;

    public const int MaxPageSize = 200;
}

public sealed record ProjectPage(IReadOnlyList<Project> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
