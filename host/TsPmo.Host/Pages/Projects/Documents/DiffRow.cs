using TsPmo.Core.Documents;

namespace TsPmo.Host.Pages.Projects.Documents;

/// <summary>A row of the diff table: a line, or (when <see cref="Line"/> is null) a run of <see cref="Skipped"/> unchanged lines left out.</summary>
public sealed record DiffRow(DiffLine? Line, int Skipped = 0)
{
    /// <summary>
    /// Keeps every changed line with <paramref name="context"/> unchanged lines around it and folds longer unchanged
    /// runs into one row, so a one-line edit in a long charter reads as a few lines.
    /// </summary>
    public static IReadOnlyList<DiffRow> Collapse(IReadOnlyList<DiffLine> lines, int context)
    {
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind == DiffLineKind.Unchanged) continue;
            for (var k = Math.Max(0, i - context); k <= Math.Min(lines.Count - 1, i + context); k++) keep[k] = true;
        }
        var rows = new List<DiffRow>();
        for (var i = 0; i < lines.Count;)
        {
            if (keep[i]) { rows.Add(new DiffRow(lines[i])); i++; continue; }
            var start = i;
            while (i < lines.Count && !keep[i]) i++;
            rows.Add(new DiffRow(null, i - start));
        }
        return rows;
    }
}
