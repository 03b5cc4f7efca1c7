using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TsPmo.Agile.Domain;

namespace TsPmo.Agile.Engine;

/// <summary>
/// Reads card history from CSV — <c>Title,Created,Started,Done[,Column]</c>, the shape Trello and Jira exports
/// reduce to — and says, row by row, what is wrong. Quoting, embedded commas and newlines are CsvHelper's job.
/// </summary>
public static class CardCsvParser
{
    /// <summary>Most cards one import may hold: years of history for a busy team, and a bound on the request's work.</summary>
    public const int MaxRows = 20_000;

    /// <summary>The largest CSV file an import reads (API body or page upload), counted as read.</summary>
    public const long MaxBytes = 5_000_000;
    public const string TooLarge = "The file is larger than 5 MB; split it.";

    /// <summary>Errors reported before giving up: a wrong file would otherwise produce one error per row.</summary>
    public const int MaxErrors = 100;

    /// <summary>
    /// Parses <paramref name="csv"/>. The header row is required; names are matched case-insensitively and in any
    /// order, and other columns are ignored. Dates are <c>yyyy-MM-dd</c> (the start of that day in
    /// <paramref name="zone"/>) or ISO 8601 date-times with an offset or Z. Started may be empty while Done is
    /// set (the card counts in lead time only). Rows that are entirely blank are skipped. Row numbers in errors
    /// are those a spreadsheet shows: the header is row 1, and a quoted cell spanning lines is still one row.
    /// </summary>
    /// <returns>The cards, or — when anything is wrong — no cards and every error found (up to <see cref="MaxErrors"/>).</returns>
    public static CardImport Parse(string csv, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(zone);

        var badData = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Blank lines are rows in a spreadsheet too: keep them so the row numbers match, then skip them below.
            IgnoreBlankLines = false,
            // A stray quote is reported against its row instead of aborting the whole parse with an exception.
            BadDataFound = _ => badData = true,
        };
        using var parser = new CsvParser(new StringReader(csv.TrimStart('\uFEFF')), config);

        if (!parser.Read() || parser.Record is not { } headerRecord || IsBlank(headerRecord))
            return Failed($"The file is empty: the first row must be the header {CardCsvHeader.Expected}.");
        if (CardCsvHeader.Find(headerRecord, out var headerError) is not { } header)
            return Failed(headerError!);

        var cards = new List<ImportedCard>();
        var errors = new List<ImportError>();
        var row = 1;
        var dataRows = 0;
        while (parser.Read())
        {
            row++;
            if (errors.Count >= MaxErrors)
            {
                errors.Add(new ImportError(row, $"Stopped here after {MaxErrors} errors: fix the rows above and import again."));
                break;
            }
            var record = parser.Record ?? [];
            if (badData)
            {
                badData = false;
                errors.Add(new ImportError(row, "The row has a stray or unbalanced quote: put quotes around the whole cell and double any quote inside it (\"\")."));
            }
            else if (IsBlank(record))
            {
                continue;
            }
            else if (++dataRows > MaxRows)
            {
                errors.Add(new ImportError(row, string.Create(CultureInfo.InvariantCulture, $"Too many rows: one import holds at most {MaxRows:N0} cards; split the file.")));
                break;
            }
            else if (CardCsvRow.Read(record, header, row, zone, errors) is { } card)
            {
                cards.Add(card);
            }

        }

        return errors.Count == 0 ? new CardImport(cards, []) : new CardImport([], errors);
    }

    private static bool IsBlank(string[] record) => Array.TrueForAll(record, string.IsNullOrWhiteSpace);

    private static CardImport Failed(string message) => new([], [new ImportError(1, message)]);
}
