using DiffPlex;

namespace TsPmo.Core.Documents;

/// <summary>
/// A line diff of two texts computed by DiffPlex (Myers' algorithm), turned into the unified list of
/// unchanged, deleted and inserted lines with their numbers on each side.
/// </summary>
public static class LineDiff
{
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
