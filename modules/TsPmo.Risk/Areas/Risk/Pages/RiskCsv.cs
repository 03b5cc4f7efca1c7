using System.Globalization;
using System.Text;
using TsPmo.Risk.Risks;

namespace TsPmo.Risk.Areas.Risk.Pages;

/// <summary>
/// The portfolio's risks as CSV. A cell starting with = + - or @ is prefixed with an apostrophe so a spreadsheet
/// shows it as text instead of running it as a formula (CSV injection).
/// </summary>
public static class RiskCsv
{
    public static string Write(IEnumerable<RiskEntry> risks)
    {
        var csv = new StringBuilder("Project,Title,Category,Kind,Probability,Impact,Score,Level,Residual score,Residual level,Owner,Response,Status,Proximity,Last reviewed,Mitigation\r\n");
        foreach (var r in risks)
            csv.AppendJoin(',', new[]
            {
                r.ProjectCode, r.Title, r.Category.ToString(), r.Kind.ToString(), Num(r.Probability), Num(r.Impact), Num(r.Score), r.Level.ToString(),
                Num(r.ResidualScore), r.ResidualLevel.ToString(), r.OwnerName, r.Response?.ToString(), r.Status.ToString(),
                r.Proximity?.ToString("yyyy-MM-dd"), r.LastReviewed?.ToString("yyyy-MM-dd"), r.Mitigation,
            }.Select(Cell)).Append("\r\n");
        return csv.ToString();
    }

    internal static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
