using System.Globalization;

namespace TsPmo.Sdk.Text;

/// <summary>
/// One RFC 4180 CSV cell for an export. Text a spreadsheet would run as a formula (starting with =, +, -, @, tab
/// or carriage return, and not a plain number) is prefixed with an apostrophe, so exported user text cannot
/// execute anything (CSV injection).
/// </summary>
public static class CsvCell
{
    public static string Escape(string? value)
    {
        var cell = value ?? "";
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(cell)) cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private static bool IsNumber(string cell) => decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
}
