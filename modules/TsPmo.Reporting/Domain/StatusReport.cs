namespace TsPmo.Reporting.Domain;

/// <summary>One generated version of a project's status report, with the RAG it recorded at generation.</summary>
public sealed record StatusReport(
    long Id,
    long ProjectId,
    int Version,
    string Summary,
    string OverallRag,
    IReadOnlyDictionary<string, string> Dimensions,
    string Markdown,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    DateTimeOffset? ScheduledSlot)
{
    public const string ScheduledBy = "scheduled";

    public bool IsScheduled => ScheduledSlot is not null;
}

/// <summary>What one module contributed: its Markdown, nothing (null), or the error that stopped it.</summary>
public sealed record SectionResult(string Title, string Module, string? Markdown, string? Error);
