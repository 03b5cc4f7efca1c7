using System.Diagnostics.CodeAnalysis;

namespace TsPmo.Risk.Domain;

/// <summary>
/// The 5×5 probability × impact matrix that turns a score into a level. Written as text (the module setting
/// <c>matrix</c>): 5 rows of 5 letters L/M/H/C separated by <c>/</c>, rows by impact 5→1, columns by probability 1→5 —
/// the way the matrix is drawn, so an administrator can read it.
/// <para>
/// The default bands the score (probability × impact): Low 1–4, Medium 5–9, High 10–15, Critical 16–25, i.e.
/// <c>MHHCC/LMHCC/LMMHH/LLMMH/LLLLM</c>:
/// </para>
/// <code>
/// impact 5 | M H H C C
/// impact 4 | L M H C C
/// impact 3 | L M M H H
/// impact 2 | L L M M H
/// impact 1 | L L L L M
///            1 2 3 4 5  probability
/// </code>
/// </summary>
public sealed class RiskMatrix
{
    public const string DefaultText = "MHHCC/LMHCC/LMMHH/LLMMH/LLLLM";

    public static RiskMatrix Default { get; } = Parse(DefaultText);

    // levels[impact - 1, probability - 1]
    private readonly RiskLevel[,] _levels;

    private RiskMatrix(RiskLevel[,] levels, string text)
    {
        _levels = levels;
        Text = text;
    }

    /// <summary>The matrix in its setting form.</summary>
    public string Text { get; }

    public static int Score(int probability, int impact) => probability * impact;

    public RiskLevel Level(int probability, int impact)
    {
        if (probability is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(probability), probability, "Probability is 1 to 5.");
        if (impact is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(impact), impact, "Impact is 1 to 5.");
        return _levels[impact - 1, probability - 1];
    }

    /// <summary>Every (probability, impact) cell of <paramref name="level"/>: lets a query filter by level without knowing the matrix.</summary>
    public IReadOnlyList<(int Probability, int Impact)> CellsOf(RiskLevel level)
    {
        var cells = new List<(int, int)>();
        for (var i = 1; i <= 5; i++)
            for (var p = 1; p <= 5; p++)
                if (_levels[i - 1, p - 1] == level) cells.Add((p, i));
        return cells;
    }

    public static RiskMatrix Parse(string text) =>
        TryParse(text, out var matrix, out var error) ? matrix : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out RiskMatrix? matrix, [NotNullWhen(false)] out string? error)
    {
        matrix = null;
        var rows = (text ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant().Split('/');
        if (rows.Length != 5)
        {
            error = $"The matrix needs 5 rows separated by \"/\" (impact 5 first), found {rows.Length}. Example: {DefaultText}.";
            return false;
        }
        var levels = new RiskLevel[5, 5];
        for (var r = 0; r < 5; r++)
        {
            var impact = 5 - r;
            if (rows[r].Length != 5)
            {
                error = $"Row {r + 1} (impact {impact}) needs 5 letters, one per probability 1 to 5; it has {rows[r].Length}.";
                return false;
            }
            for (var c = 0; c < 5; c++)
            {
                RiskLevel? level = rows[r][c] switch
                {
                    'L' => RiskLevel.Low, 'M' => RiskLevel.Medium, 'H' => RiskLevel.High, 'C' => RiskLevel.Critical, _ => null,
                };
                if (level is null)
                {
                    error = $"Row {r + 1} (impact {impact}) has \"{rows[r][c]}\" at probability {c + 1}: use L, M, H or C.";
                    return false;
                }
                levels[impact - 1, c] = level.Value;
            }
        }
        matrix = new RiskMatrix(levels, string.Join('/', rows));
        error = null;
        return true;
    }
}
