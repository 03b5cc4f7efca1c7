using System.Globalization;


namespace TsPmo.Waterfall.Domain;

/// <summary>
/// Schedule date-times are project-local wall-clock times (no zone: a plan says "Monday 08:00" wherever it is
/// read), stored and exchanged as <c>yyyy-MM-ddTHH:mm:ss</c> text that sorts as text.
/// </summary>
public static class LocalTime
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    public static string ToText(DateTime value) => value.ToString(Format, CultureInfo.InvariantCulture);

    public static string? ToText(DateTime? value) => value is { } v ? ToText(v) : null;

    public static DateTime? Parse(string? text) =>
        string.IsNullOrEmpty(text) ? null : DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads an API/form value: a date (<c>2026-03-02</c>) or a local date-time (<c>2026-03-02T08:00[:00]</c>).</summary>
    public static bool TryParseInput(string? text, out DateTime value, out bool dateOnly)
    {
        value = default;
        dateOnly = false;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            value = day.ToDateTime(TimeOnly.MinValue);
            dateOnly = true;
            return true;
        }
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
