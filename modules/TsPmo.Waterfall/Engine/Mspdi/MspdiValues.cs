using System.Globalization;
using System.Text;

namespace TsPmo.Waterfall.Engine.Mspdi;

/// <summary>MSPDI's value formats: xsd durations (PTnHnMnS), local date-times, times of day and the duration-format codes.</summary>
internal static class MspdiValues
{
    /// <summary>
    /// DurationFormat / LagFormat codes that count calendar time: em, eh, ed, ew, emo (4–12 even), e% (20) and
    /// their "estimated" variants (+32: 36–44, 52).
    /// </summary>
    public static bool IsElapsedFormat(int format) => format is 4 or 6 or 8 or 10 or 12 or 20 or 36 or 38 or 40 or 42 or 44 or 52;

    public static bool IsPercentFormat(int format) => format is 19 or 20 or 51 or 52;

    /// <summary>
    /// Parses an xsd:duration as Microsoft Project writes it (PT8H0M0S, PT114H17M6S, -PT…) to whole minutes, rounding
    /// seconds to the nearest minute. Days (P1DT…) count 24 hours, years and months are refused: Project never writes them.
    /// </summary>
    public static bool TryParseDurationMinutes(string text, out long minutes)
    {
        minutes = 0;
        var s = text.Trim();
        if (s.Length == 0) return false;
        var negative = s[0] == '-';
        if (negative) s = s[1..];
        if (s.Length < 2 || s[0] != 'P') return false;

        decimal total = 0; // seconds
        var inTime = false;
        var number = new StringBuilder();
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == 'T') { inTime = true; continue; }
            if (char.IsDigit(c) || c == '.' || c == ',') { number.Append(c == ',' ? '.' : c); continue; }
            if (number.Length == 0 || !decimal.TryParse(number.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return false;
            number.Clear();
            switch (c)
            {
                case 'D' when !inTime: total += value * 86400; break;
                case 'W' when !inTime: total += value * 7 * 86400; break;
                case 'H' when inTime: total += value * 3600; break;
                case 'M' when inTime: total += value * 60; break;
                case 'S' when inTime: total += value; break;
                default: return false;
            }
        }

        if (number.Length > 0) return false;
        minutes = (long)Math.Round(total / 60m, MidpointRounding.AwayFromZero);
        if (negative) minutes = -minutes;
        return true;
    }

    public static string FormatDuration(long minutes)
    {
        var sign = minutes < 0 ? "-" : "";
        minutes = Math.Abs(minutes);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}PT{minutes / 60}H{minutes % 60}M0S");
    }

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
    ];

    /// <summary>A local wall-clock date-time (Kind Unspecified); a zone suffix, if any, is ignored as Project ignores it.</summary>
    public static bool TryParseDate(string text, out DateTime value)
    {
        var s = text.Trim();
        // Drop a trailing zone designator (Z, +hh:mm, -hh:mm) — MSPDI dates are project-local.
        if (s.EndsWith('Z')) s = s[..^1];
        else if (s.Length > 19 && (s[^6] == '+' || s[^6] == '-') && s[^3] == ':') s = s[..^6];
        if (DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            value = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
            return true;
        }

        return false;
    }

    public static string FormatDate(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"08:00:00" → 480. Seconds are dropped.</summary>
    public static bool TryParseTimeOfDay(string text, out int minute)
    {
        minute = 0;
        var s = text.Trim();
        var tIndex = s.IndexOf('T');
        if (tIndex >= 0) s = s[(tIndex + 1)..]; // some writers put a full date-time here
        var parts = s.Split(':');
        if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        minute = h * 60 + m;
        return minute is >= 0 and <= 1440;
    }

    public static string FormatTimeOfDay(int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{minute / 60 % 24:00}:{minute % 60:00}:00");

    public static bool TryParseBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "1": case "true": value = true; return true;
            case "0": case "false": value = false; return true;
            default: value = false; return false;
        }
    }
}
