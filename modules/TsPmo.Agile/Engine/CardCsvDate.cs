using System.Globalization;

namespace TsPmo.Agile.Engine;

/// <summary>
/// The two date shapes the import accepts. A bare date is a day in the organization's zone (its first instant);
/// a date-time must say its offset, because without one the same text means different instants to different
/// readers and flow metrics would silently shift by hours.
/// </summary>
internal static class CardCsvDate
{
    private static readonly string[] WithOffset =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    private static readonly string[] WithoutOffset =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    /// <summary>Parses <paramref name="value"/>; on failure <paramref name="error"/> quotes it and says what to write.</summary>
    public static DateTimeOffset? Parse(string name, string value, TimeZoneInfo zone, out string? error)
    {
        error = null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return ZoneCalendar.StartOfDay(day, zone);
        // AssumeUniversal only matters for the 'Z' shapes; an explicit offset always wins.
        if (DateTimeOffset.TryParseExact(value, WithOffset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant;

        error = DateTime.TryParseExact(value, WithoutOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? $"{name} '{value}' has no time zone offset: add one (e.g. {value}+01:00 or {value}Z), or give the date alone as yyyy-MM-dd."
            : $"{name} '{value}' is not a date: use yyyy-MM-dd, or an ISO 8601 date-time with an offset such as 2024-03-01T09:30:00+01:00.";
        return null;
    }
}
