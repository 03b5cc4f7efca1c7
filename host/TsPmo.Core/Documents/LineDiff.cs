using DiffPlex;

namespace TsPmo.Core.Documents;

/// <summary>
/// A line diff of two texts computed by DiffPlex (Myers' algorithm), turned into the unified list of
/// unchanged, deleted and inserted lines with their numbers on each side.
/// </summary>
public static class LineDiff
{
    /// <summary>
    /// Lines per side a comparison takes on. Myers' algorithm costs lines × differences, so two unrelated texts of the
    /// largest size a document may have (200,000 one-character lines) would keep a request busy for minutes.
    /// </summary>
    public const int MaxLines = 10_000;

    /// <summary>Why two texts are not compared, or null when they are within <see cref="MaxLines"/>.</summary>
    public static string? TooLarge(string older, string newer)
    {
        var lines = Math.Max(Lines.Instance.Chunk(older).Count, Lines.Instance.Chunk(newer).Count);
        return lines > MaxLines
            ? $"These revisions have {lines:N0} lines; a comparison shows at most {MaxLines:N0} lines per revision. Open each revision to read it."
            : null;
    }

    public static IReadOnlyList<DiffLine> Compare(string older, string newer)
    {
        var result = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, Lines.Instance);
        var (a, b) = (result.PiecesOld, result.PiecesNew);
        var lines = new List<DiffLine>(Math.Max(a.Count, b.Count));
        int i = 0, j = 0;
        void Unchanged(int untilA)
        {
            for (; i < untilA; i++, j++) lines.Add(new DiffLine(DiffLineKind.Unchanged, i + 1, j + 1, a[i]));
        }

        // DiffPlex reports change blocks in order; everything between them is common to both sides.
        foreach (var block in result.DiffBlocks)
        {
            Unchanged(block.DeleteStartA);
            for (; i < block.DeleteStartA + block.DeleteCountA; i++) lines.Add(new DiffLine(DiffLineKind.Deleted, i + 1, null, a[i]));
            for (; j < block.InsertStartB + block.InsertCountB; j++) lines.Add(new DiffLine(DiffLineKind.Inserted, null, j + 1, b[j]));
        }
        Unchanged(a.Count);
        return lines;
    }

    /// <summary>
    /// Splits on line feeds (the service stores "\n" only). A final newline ends the last line rather than
    /// starting an empty one, so adding or dropping it is not reported as a changed line.
    /// </summary>
    private sealed class Lines : IChunker
    {
        public static readonly Lines Instance = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            if (text.Length == 0) return [];
            var lines = text.Split('\n');
            return text.EndsWith('\n') ? lines[..^1] : lines;
        }
    }
}
