namespace TsPmo.Agile.Engine;

/// <summary>Where each known column sits in the file, found by name so exports with extra columns still import.</summary>
internal sealed record CardCsvHeader(int Title, int Created, int Started, int Done, int? Column)
{
    private static readonly string[] Required = ["Title", "Created", "Started", "Done"];
    private const string Optional = "Column";

    public const string Expected = "Title,Created,Started,Done and optionally Column";

    /// <summary>Reads the header row; on failure <paramref name="error"/> says what is missing or repeated.</summary>
    public static CardCsvHeader? Find(string[] names, out string? error)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].Trim();
            if (name.Length == 0 || !IsKnown(name)) continue;
            if (!positions.TryAdd(name, i))
            {
                error = $"The header names the column '{name}' twice.";
                return null;
            }
        }

        var missing = Required.Where(r => !positions.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
        {
            error = $"The header is missing {(missing.Length == 1 ? "the column" : "the columns")} {string.Join(", ", missing)}: " +
                    $"the first row must name {Expected}.";
            return null;
        }

        error = null;
        return new CardCsvHeader(
            positions["Title"], positions["Created"], positions["Started"], positions["Done"],
            positions.TryGetValue(Optional, out var column) ? column : null);
    }

    private static bool IsKnown(string name) =>
        name.Equals(Optional, StringComparison.OrdinalIgnoreCase) ||
        Array.Exists(Required, r => r.Equals(name, StringComparison.OrdinalIgnoreCase));
}
