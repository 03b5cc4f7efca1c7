using System.Text.RegularExpressions;

namespace TsPmo.Core.Data;

/// <summary>
/// Reads which tables a module's migration writes (creates, alters, drops, inserts into, updates, deletes from,
/// indexes or puts a trigger on) and names those outside the module's prefix. Reading core tables in
/// <c>REFERENCES</c>, <c>JOIN</c> or <c>SELECT</c> is fine: a module may point at core, never change it.
/// This is a static reading of the text, checked before anything runs, so nothing of a refused migration is applied;
/// the run-time check of new tables in <see cref="MigrationRunner"/> stays as a second net.
/// </summary>
public static partial class MigrationOwnership
{
    private const string Name = """(?<name>"[^"]+"|`[^`]+`|\[[^\]]+\]|[A-Za-z_][A-Za-z0-9_$]*)(?:\s*\.\s*(?<name2>"[^"]+"|`[^`]+`|\[[^\]]+\]|[A-Za-z_][A-Za-z0-9_$]*))?""";

    // Words that can follow UPDATE/INTO in other clauses (ON UPDATE CASCADE, DO UPDATE SET, AFTER UPDATE OF col ON t).
    private static readonly HashSet<string> NotTables = new(StringComparer.OrdinalIgnoreCase) { "SET", "ON", "OF", "CASCADE", "RESTRICT", "NO" };

    [GeneratedRegex(@"\bCREATE\s+(?:TEMP\s+|TEMPORARY\s+)?(?:VIRTUAL\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?" + Name, RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?\S+\s+ON\s+" + Name, RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"\bCREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?\S+[^;]*?\bON\s+" + Name, RegexOptions.IgnoreCase)]
    private static partial Regex CreateTrigger();

    [GeneratedRegex(@"\b(?:ALTER\s+TABLE|DROP\s+(?:TABLE|VIEW)\s+(?:IF\s+EXISTS\s+)?|(?:INSERT|REPLACE)\s+(?:OR\s+\w+\s+)?INTO|DELETE\s+FROM|TRUNCATE\s+(?:TABLE\s+)?)\s*" + Name, RegexOptions.IgnoreCase)]
    private static partial Regex Writes();

    [GeneratedRegex(@"(?<!\b(?:ON|DO|AFTER|BEFORE|OF)\s+)\bUPDATE\s+(?:OR\s+\w+\s+)?" + Name, RegexOptions.IgnoreCase)]
    private static partial Regex Update();

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'", RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();

    /// <summary>The tables the SQL writes that do not start with <paramref name="prefix"/>, in order of first mention.</summary>
    public static IReadOnlyList<string> ForeignTables(string sql, string prefix)
    {
        var text = CommentsAndStrings().Replace(sql, " ");
        var found = new List<string>();
        foreach (var regex in new[] { CreateTable(), CreateIndex(), CreateTrigger(), Writes(), Update() })
        {
            foreach (Match match in regex.Matches(text))
            {
                var table = Unquote(match.Groups["name2"].Success ? match.Groups["name2"].Value : match.Groups["name"].Value);
                if (NotTables.Contains(table)) continue;
                if (!table.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !found.Contains(table, StringComparer.OrdinalIgnoreCase))
                    found.Add(table);
            }
        }
        return found;
    }

    private static string Unquote(string name) =>
        name.Length >= 2 && name[0] is '"' or '`' or '[' ? name[1..^1] : name;
}
