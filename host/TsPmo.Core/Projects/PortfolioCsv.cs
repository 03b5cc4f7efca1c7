using System.Globalization;
using System.Text;
using TsPmo.Sdk.Text;

namespace TsPmo.Core.Projects;

/// <summary>The portfolio as RFC 4180 CSV; every cell goes through <see cref="CsvCell"/>, so exported names cannot run as formulas.</summary>
public static class PortfolioCsv
{
    public static readonly string[] Header =
        ["Code", "Name", "Methodology", "Phase", "Owner", "Sponsor", "Start", "Target", "Budget", "Currency", "Business value", "Strategic importance", "Priority", "Tags", "Archived"];

    public static string Write(IEnumerable<Project> projects)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var p in projects)
        {
            Line(csv,
            [
                p.Code, p.Name, p.MethodologyId, LifecycleRules.Label(p.Phase), p.OwnerName ?? "", p.SponsorName ?? "",
                p.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", p.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                p.Budget?.Amount.ToString(CultureInfo.InvariantCulture) ?? "", p.Currency ?? "",
                p.BusinessValue.ToString(CultureInfo.InvariantCulture), p.StrategicImportance.ToString(CultureInfo.InvariantCulture),
                p.Priority.ToString(), string.Join("; ", p.Tags), p.Archived ? "yes" : "no",
            ]);
        }
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) csv.Append(',');
            csv.Append(CsvCell.Escape(cells[i]));
        }
        csv.Append("\r\n");
    }
}
