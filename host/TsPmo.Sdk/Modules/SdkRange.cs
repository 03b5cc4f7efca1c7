namespace TsPmo.Sdk.Modules;

/// <summary>
/// The SDK versions a module supports, caret-style: <c>SdkRange.Parse("1.0")</c> accepts 1.0 up to,
/// not including, 2.0. A module built against a newer minor version than the host is refused, because it
/// may call members this host does not have.
/// </summary>
public sealed record SdkRange(Version Minimum)
{
    public static SdkRange Parse(string text)
    {
        if (!Version.TryParse(text.Contains('.') ? text : text + ".0", out var v))
            throw new FormatException($"'{text}' is not an SDK version such as \"1.0\".");
        return new SdkRange(new Version(v.Major, Math.Max(0, v.Minor)));
    }

    public bool Accepts(Version sdk) =>
        sdk.Major == Minimum.Major && sdk.Minor >= Minimum.Minor;

    public override string ToString() => $"^{Minimum.Major}.{Minimum.Minor}";
}
