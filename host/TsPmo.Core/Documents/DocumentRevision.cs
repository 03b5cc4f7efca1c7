namespace TsPmo.Core.Documents;

/// <summary>One saved state of a document, never changed once written; revision 1 is the first.</summary>
public sealed record DocumentRevision
{
    public long DocumentId { get; init; }
    public int Revision { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string Author { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}
