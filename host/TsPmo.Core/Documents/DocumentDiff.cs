namespace TsPmo.Core.Documents;

/// <summary>The line changes from one revision of a document to another, in reading order.</summary>
public sealed record DocumentDiff(long DocumentId, int FromRevision, int ToRevision, string FromTitle, string ToTitle, IReadOnlyList<DiffLine> Lines)
{
    public int Inserted => Lines.Count(l => l.Kind == DiffLineKind.Inserted);
    public int Deleted => Lines.Count(l => l.Kind == DiffLineKind.Deleted);
    public bool TitleChanged => FromTitle != ToTitle;

    /// <summary>Set when the texts are past <see cref="LineDiff.MaxLines"/>: the diff was not computed, and this says why.</summary>
    public string? TooLarge { get; init; }
}
