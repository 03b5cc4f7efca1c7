using System.Text;

namespace TsPmo.Host.Tests.Security;

/// <summary>
/// Keeps the matrix in docs/security.md equal to <see cref="AccessMatrix"/>: the test fails when they differ, and
/// rewrites the table when run with <c>TSPMO_WRITE_DOCS=1</c>.
/// </summary>
public static class MatrixDocument
{
    private const string Start = "<!-- authorization-matrix:start -->";
    private const string End = "<!-- authorization-matrix:end -->";

    public static async Task CheckOrWriteAsync(IReadOnlyDictionary<string, AccessRule> rules)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "security.md");
        var text = await File.ReadAllTextAsync(path);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/security.md must hold the markers {Start} and {End}.");
        var table = Table(rules);
        var current = text[(start + Start.Length)..end];
        if (current == table) return;
        if (Environment.GetEnvironmentVariable("TSPMO_WRITE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(path, text[..(start + Start.Length)] + table + text[end..]);
            return;
        }
        Assert.Fail("docs/security.md's authorization matrix is out of date: run the test once with TSPMO_WRITE_DOCS=1.");
    }

    public static string Table(IReadOnlyDictionary<string, AccessRule> rules)
    {
        var md = new StringBuilder("\n| method | route | who may call it |\n| --- | --- | --- |\n");
        foreach (var (key, rule) in rules.OrderBy(r => Route(r.Key), StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            var space = key.IndexOf(' ');
            md.Append($"| {key[..space]} | `{key[(space + 1)..].Replace("|", "\\|")}` | {AccessRules.Describe(rule)} |\n");
        }
        return md.ToString();
    }

    private static string Route(string key) => key[(key.IndexOf(' ') + 1)..];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TsPmo.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (TsPmo.sln) was not found above the test's folder.");
    }
}
