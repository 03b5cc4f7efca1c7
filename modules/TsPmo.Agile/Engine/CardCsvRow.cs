using TsPmo.Agile.Domain;
namespace TsPmo.Agile.Engine;

/// <summary>Checks one data row and turns it into a card, adding every problem it finds to the error list.</summary>
internal static class CardCsvRow
{
    /// <returns>The card, or null when the row had an error (already added to <paramref name="errors"/>).</returns>
    public static ImportedCard? Read(string[] record, CardCsvHeader header, int row, TimeZoneInfo zone, List<ImportError> errors)
    {
        var before = errors.Count;
        var title = Cell(record, header.Title);
        if (title.Length == 0) errors.Add(new ImportError(row, "Title is empty: every card needs a title."));

        var createdText = Cell(record, header.Created);
        DateTimeOffset? created = null;
        if (createdText.Length == 0) errors.Add(new ImportError(row, "Created is empty: every card needs the date it was created."));
        else created = Date("Created", createdText, row, zone, errors);

        var startedText = Cell(record, header.Started);
        var started = startedText.Length == 0 ? null : Date("Started", startedText, row, zone, errors);
        var doneText = Cell(record, header.Done);
        var done = doneText.Length == 0 ? null : Date("Done", doneText, row, zone, errors);

        // Order checks only between dates that parsed; quote the cells so the user finds them in the file.
        if (created is { } c && started is { } s && s < c)
            errors.Add(new ImportError(row, $"Started ({startedText}) is before Created ({createdText})."));
        if (done is { } d)
        {
            if (started is { } st && d < st)
                errors.Add(new ImportError(row, $"Done ({doneText}) is before Started ({startedText})."));
            else if (created is { } cr && d < cr)
                errors.Add(new ImportError(row, $"Done ({doneText}) is before Created ({createdText})."));
        }

        if (errors.Count > before) return null;
        var column = header.Column is { } i ? Cell(record, i) : "";
        return new ImportedCard(row, title, created!.Value, started, done, column.Length == 0 ? null : column);
    }

    /// <summary>A trimmed cell; a short row (fewer cells than the header) reads as empty cells.</summary>
    private static string Cell(string[] record, int index) => index < record.Length ? record[index].Trim() : "";

    private static DateTimeOffset? Date(string name, string text, int row, TimeZoneInfo zone, List<ImportError> errors)
    {
        var value = CardCsvDate.Parse(name, text, zone, out var error);
        if (error is not null) errors.Add(new ImportError(row, error));
        return value;
    }
}
