using System.Globalization;

namespace TsPmo.Scrum.Areas.Scrum.Pages;

/// <summary>How Scrum pages write story points: "5", "2.5", and "—" for none.</summary>
public static class ScrumFormat
{
    public static string Pts(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Pts(decimal? value) => value is { } v ? Pts(v) : "—";
}
