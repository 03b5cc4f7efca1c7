namespace TsPmo.Core.Documents;

/// <summary>
/// A Markdown document of a project as listed: its current title and revision. The text lives in its
/// revisions (<see cref="DocumentRevision"/>), so listings never load bodies. <see cref="Version"/> guards every edit.
/// </summary>
public sealed record ProjectDocument
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public string Title { get; init; } = "";
    public DocumentKind Kind { get; init; }
    public int CurrentRevision { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who wrote the current revision.</summary>
    public string UpdatedBy { get; init; } = "";

    public long Version { get; init; }
}
