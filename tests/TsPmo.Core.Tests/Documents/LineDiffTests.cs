using TsPmo.Core.Documents;

namespace TsPmo.Core.Tests.Documents;

public sealed class LineDiffTests
{
    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void A_changed_line_is_a_deletion_then_an_insertion_with_numbers_on_each_side()
    {
        // What `diff -u` prints for the same two files: " a", "-b", "+B", " c", " d", "+e".
        var lines = LineDiff.Compare(Lines("a", "b", "c", "d"), Lines("a", "B", "c", "d", "e"));

        Assert.Equal(
        [
            new DiffLine(DiffLineKind.Unchanged, 1, 1, "a"),
            new DiffLine(DiffLineKind.Deleted, 2, null, "b"),
            new DiffLine(DiffLineKind.Inserted, null, 2, "B"),
            new DiffLine(DiffLineKind.Unchanged, 3, 3, "c"),
            new DiffLine(DiffLineKind.Unchanged, 4, 4, "d"),
            new DiffLine(DiffLineKind.Inserted, null, 5, "e"),
        ], lines);
    }

    [Fact]
    public void Myers_paper_example_needs_five_edits_and_keeps_a_common_subsequence_of_four()
    {
        // E. Myers, "An O(ND) Difference Algorithm and Its Variations" (1986), fig. 1: ABCABBA → CBABAC, D = 5.
        var older = string.Join("\n", "ABCABBA".Select(c => c.ToString()));
        var newer = string.Join("\n", "CBABAC".Select(c => c.ToString()));

        var lines = LineDiff.Compare(older, newer);

        Assert.Equal(3, lines.Count(l => l.Kind == DiffLineKind.Deleted));
        Assert.Equal(2, lines.Count(l => l.Kind == DiffLineKind.Inserted));
        Assert.Equal(4, lines.Count(l => l.Kind == DiffLineKind.Unchanged));
        // Read one side at a time, the diff gives back each text exactly, in order.
        Assert.Equal("ABCABBA", string.Concat(lines.Where(l => l.Kind != DiffLineKind.Inserted).Select(l => l.Text)));
        Assert.Equal("CBABAC", string.Concat(lines.Where(l => l.Kind != DiffLineKind.Deleted).Select(l => l.Text)));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], lines.Where(l => l.OldNumber is not null).Select(l => l.OldNumber!.Value));
        Assert.Equal([1, 2, 3, 4, 5, 6], lines.Where(l => l.NewNumber is not null).Select(l => l.NewNumber!.Value));
    }

    [Fact]
    public void Only_a_final_newline_added_is_no_change()
    {
        var lines = LineDiff.Compare("a\nb", "a\nb\n");

        Assert.All(lines, l => Assert.Equal(DiffLineKind.Unchanged, l.Kind));
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void From_and_to_empty_text()
    {
        Assert.Equal([new DiffLine(DiffLineKind.Inserted, null, 1, "x")], LineDiff.Compare("", "x"));
        Assert.Equal([new DiffLine(DiffLineKind.Deleted, 1, null, "x")], LineDiff.Compare("x\n", ""));
        Assert.Empty(LineDiff.Compare("", ""));
    }

    [Fact]
    public void Blank_lines_are_lines()
    {
        var lines = LineDiff.Compare("a\n\nb", "a\nb");

        Assert.Equal([DiffLineKind.Unchanged, DiffLineKind.Deleted, DiffLineKind.Unchanged], lines.Select(l => l.Kind));
        Assert.Equal("", lines[1].Text);
    }
}
