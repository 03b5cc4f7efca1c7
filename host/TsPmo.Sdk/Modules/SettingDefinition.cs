namespace TsPmo.Sdk.Modules;

public enum SettingType { Text, Integer, Boolean }

/// <summary>A value an administrator may change on the module's settings page.</summary>
public sealed record SettingDefinition(string Key, string Label, SettingType Type, string DefaultValue)
{
    public string Description { get; init; } = "";

    /// <summary>Inclusive bounds for <see cref="SettingType.Integer"/> settings.</summary>
    public long Minimum { get; init; } = long.MinValue;
    public long Maximum { get; init; } = long.MaxValue;

    /// <summary>The error for <paramref name="value"/>, or null when it is acceptable.</summary>
    public string? Check(string value) => Type switch
    {
        SettingType.Integer when !long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
            => $"{Label} must be a whole number.",
        SettingType.Integer when long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) is var n2 && (n2 < Minimum || n2 > Maximum)
            => $"{Label} must be between {Minimum} and {Maximum}.",
        SettingType.Boolean when value is not ("true" or "false") => $"{Label} must be true or false.",
        SettingType.Text when value.Length > 2000 => $"{Label} must be at most 2000 characters.",
        _ => null,
    };
}
