using System.Globalization;
using System.Text;
using TsPmo.Risk.Domain;
using TsPmo.Sdk.Text;

namespace TsPmo.Risk.Areas.Risk.Pages;

/// <summary>The portfolio's risks as CSV; every cell goes through <see cref="CsvCell"/> (no formula injection).</summary>
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
            }.Select(CsvCell.Escape)).Append("\r\n");
        return csv.ToString();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
