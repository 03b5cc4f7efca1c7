namespace TsPmo.Core.Documents;

/// <summary>A line of a document's history: a revision without its text, so a long history stays cheap to list.</summary>
public sealed record DocumentRevisionInfo
{
    public int Revision { get; init; }
    public string Title { get; init; } = "";
    public string Author { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Characters of Markdown in the revision.</summary>
    public int Length { get; init; }
}
