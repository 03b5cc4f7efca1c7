using TsPmo.Agile.Domain;
using TsPmo.Agile.Engine;
using System.Text;

namespace TsPmo.Agile.Tests;

public sealed class CardCsvParserTests
{
    private static CardImport Parse(string csv, TimeZoneInfo? zone = null) => CardCsvParser.Parse(csv, zone ?? TimeZoneInfo.Utc);

    [Fact]
    public void Reads_dates_quoted_cells_and_the_optional_column()
    {
        const string csv = """
            Title,Created,Started,Done,Column
            Fix login,2024-03-01,2024-03-04,2024-03-06,Done
            "Report, monthly",2024-03-01T09:30:00+01:00,2024-03-02T10:00Z,,Doing
            "Two-line
            title",2024-03-01,,2024-03-05,
            Plain,2024-03-01T08:00:00.5Z,,,
            """;
        var result = Parse(csv);

        Assert.True(result.Ok, string.Join("; ", result.Errors));
        ImportedCard[] expected =
        [
            new(2, "Fix login", Utc(3, 1), Utc(3, 4), Utc(3, 6), "Done"),
            new(3, "Report, monthly", new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2024, 3, 2, 10, 0, 0, TimeSpan.Zero), null, "Doing"),
            // A quoted cell spanning two lines is still one spreadsheet row, so the next card is row 5.
            new(4, "Two-line\ntitle", Utc(3, 1), null, Utc(3, 5), null),
            new(5, "Plain", Utc(3, 1).AddHours(8).AddMilliseconds(500), null, null, null),
        ];
        Assert.Equal(expected, result.Cards);
    }

    [Fact]
    public void Header_names_match_in_any_case_and_order_and_other_columns_are_ignored()
    {
        const string csv = """
            done,STARTED,Owner,title,Created
            2024-03-06,2024-03-04,Ann,Fix login,2024-03-01
            """;
        var card = Assert.Single(Parse(csv).Cards);
        Assert.Equal(new ImportedCard(2, "Fix login", Utc(3, 1), Utc(3, 4), Utc(3, 6), null), card);
    }

    [Fact]
    public void Each_bad_row_is_reported_with_its_row_number_and_nothing_is_imported()
    {
        const string csv = """
            Title,Created,Started,Done
            Good,2024-03-01,2024-03-02,2024-03-03
            ,2024-03-01,,
            Bad day,2024-02-30,,
            Slashes,2024-03-01,03/04/2024,
            Early start,2024-03-05,2024-03-01,
            Early finish,2024-03-01,2024-03-05,2024-03-04
            Done before created,2024-03-05,,2024-03-01
            No created,,,
            Lead time only,2024-03-01,,2024-03-04
            """;
        var result = Parse(csv);

        Assert.False(result.Ok);
        Assert.Empty(result.Cards); // all or nothing: rows 2 and 10 are fine but are not returned
        ImportError[] expected =
        [
            new(3, "Title is empty: every card needs a title."),
            new(4, "Created '2024-02-30' is not a date: use yyyy-MM-dd, or an ISO 8601 date-time with an offset such as 2024-03-01T09:30:00+01:00."),
            new(5, "Started '03/04/2024' is not a date: use yyyy-MM-dd, or an ISO 8601 date-time with an offset such as 2024-03-01T09:30:00+01:00."),
            new(6, "Started (2024-03-01) is before Created (2024-03-05)."),
            new(7, "Done (2024-03-04) is before Started (2024-03-05)."),
            new(8, "Done (2024-03-01) is before Created (2024-03-05)."),
            new(9, "Created is empty: every card needs the date it was created."),
        ];
        Assert.Equal(expected, result.Errors);
    }

    [Fact]
    public void A_row_can_have_several_errors()
    {
        var result = Parse("Title,Created,Started,Done\n,yesterday,,\n");
        Assert.Equal([2, 2], result.Errors.Select(e => e.Row));
        Assert.Contains("Title is empty", result.Errors[0].Message);
        Assert.Contains("'yesterday'", result.Errors[1].Message);
    }

    [Fact]
    public void A_date_time_without_an_offset_is_refused_with_a_hint()
    {
        var error = Assert.Single(Parse("Title,Created,Started,Done\nA,2024-03-01T09:30,,\n").Errors);
        Assert.Equal(2, error.Row);
        Assert.Contains("'2024-03-01T09:30' has no time zone offset", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  \n")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_one_error_on_row_1(string csv)
    {
        var error = Assert.Single(Parse(csv).Errors);
        Assert.Equal(1, error.Row);
        Assert.StartsWith("The file is empty", error.Message);
    }

    [Fact]
    public void A_missing_header_column_is_one_error_on_row_1()
    {
        var result = Parse("Title,Created,Done\nA,2024-03-01,2024-03-02\nB,not a date,\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(new ImportError(1, "The header is missing the column Started: the first row must name Title,Created,Started,Done and optionally Column."), error);
    }

    [Fact]
    public void A_file_without_a_header_names_what_is_missing()
    {
        var error = Assert.Single(Parse("Fix login,2024-03-01,2024-03-04,2024-03-06\n").Errors);
        Assert.Equal(1, error.Row);
        Assert.Contains("missing the columns Title, Created, Started, Done", error.Message);
    }

    [Fact]
    public void A_header_may_start_with_a_byte_order_mark()
    {
        Assert.True(Parse("\uFEFFTitle,Created,Started,Done\nA,2024-03-01,,\n").Ok);
    }

    [Fact]
    public void Blank_rows_are_skipped_but_still_counted()
    {
        var result = Parse("Title,Created,Started,Done\n\nA,2024-03-01,,\n,,,\nB,bad,,\n");
        Assert.Equal(new ImportError(5, "Created 'bad' is not a date: use yyyy-MM-dd, or an ISO 8601 date-time with an offset such as 2024-03-01T09:30:00+01:00."), Assert.Single(result.Errors));
    }

    [Fact]
    public void A_stray_quote_is_an_error_on_its_row()
    {
        var result = Parse("Title,Created,Started,Done\nA,2024-03-01,,\nFix \"login\" page,2024-03-01,,\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Row);
        Assert.Contains("quote", error.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_an_error_on_the_row_it_opens()
    {
        var result = Parse("Title,Created,Started,Done\nA,2024-03-01,,\n\"Unclosed,2024-03-01,,\nB,2024-03-01,,\n");
        Assert.False(result.Ok);
        Assert.Equal(3, result.Errors[0].Row);
        Assert.Contains("quote", result.Errors[0].Message);
    }

    [Fact]
    public void A_short_row_reads_its_missing_cells_as_empty()
    {
        var result = Parse("Title,Created,Started,Done,Column\nA,2024-03-01\n");
        Assert.Equal(new ImportedCard(2, "A", Utc(3, 1), null, null, null), Assert.Single(result.Cards));
    }

    [Fact]
    public void At_most_20000_rows()
    {
        var exactly = Rows(CardCsvParser.MaxRows);
        Assert.Equal(20_000, Parse(exactly).Cards.Count);

        var tooMany = Parse(Rows(CardCsvParser.MaxRows + 1));
        // Header = row 1, so the 20,001st card is on row 20,002.
        Assert.Equal(new ImportError(20_002, "Too many rows: one import holds at most 20,000 cards; split the file."), Assert.Single(tooMany.Errors));
        Assert.Empty(tooMany.Cards);
    }

    [Fact]
    public void Gives_up_after_100_errors()
    {
        var csv = new StringBuilder("Title,Created,Started,Done\n");
        for (var i = 0; i < 150; i++) csv.Append("A,never,,\n");
        var errors = Parse(csv.ToString()).Errors;
        Assert.Equal(101, errors.Count);
        Assert.Equal(102, errors[^1].Row); // rows 2–101 carry the 100 errors; it stops on row 102
        Assert.StartsWith("Stopped here after 100 errors", errors[^1].Message);
    }

    [Fact]
    public void A_bare_date_is_midnight_in_the_organizations_zone()
    {
        const string csv = """
            Title,Created,Started,Done
            Winter,2024-03-01,,
            Summer,2024-07-01,,
            Instant,2024-03-01T09:30:00Z,,
            """;
        var cards = Parse(csv, TestZones.Paris).Cards;
        // Paris is UTC+1 in March and UTC+2 in July; an explicit instant keeps its own offset, whatever the zone.
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 23, 0, 0, TimeSpan.Zero), cards[0].Created);
        Assert.Equal(TimeSpan.FromHours(1), cards[0].Created.Offset);
        Assert.Equal(new DateTimeOffset(2024, 6, 30, 22, 0, 0, TimeSpan.Zero), cards[1].Created);
        Assert.Equal(TimeSpan.FromHours(2), cards[1].Created.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero), cards[2].Created);
    }

    [Fact]
    public void A_bare_date_on_a_day_without_midnight_starts_when_the_day_does()
    {
        // 8 September has no 00:00 in this zone (clocks jump to 01:00 UTC−3 = 04:00 UTC).
        var card = Assert.Single(Parse("Title,Created,Started,Done\nA,2024-09-08,,\n", TestZones.MidnightShift).Cards);
        Assert.Equal(new DateTimeOffset(2024, 9, 8, 4, 0, 0, TimeSpan.Zero), card.Created);
    }

    [Fact]
    public void Same_day_dates_compare_as_instants_in_the_zone()
    {
        // Created on 1 March (midnight, Paris = 2024-02-29T23:00Z) and done at 2024-02-29T23:30Z: half an hour later, not before.
        var result = Parse("Title,Created,Started,Done\nA,2024-03-01,,2024-02-29T23:30:00Z\n", TestZones.Paris);
        Assert.True(result.Ok, string.Join("; ", result.Errors));
        // In UTC the same text means Done is before Created.
        Assert.Contains("is before Created", Assert.Single(Parse("Title,Created,Started,Done\nA,2024-03-01,,2024-02-29T23:30:00Z\n").Errors).Message);
    }

    private static DateTimeOffset Utc(int month, int day) => new(2024, month, day, 0, 0, 0, TimeSpan.Zero);

    private static string Rows(int count)
    {
        var csv = new StringBuilder("Title,Created,Started,Done\n");
        for (var i = 0; i < count; i++) csv.Append("Card ").Append(i).Append(",2024-03-01,2024-03-02,2024-03-03\n");
        return csv.ToString();
    }
}
