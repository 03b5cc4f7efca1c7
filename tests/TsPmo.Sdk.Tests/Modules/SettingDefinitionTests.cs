using TsPmo.Sdk.Modules;

namespace TsPmo.Sdk.Tests.Modules;

public sealed class SettingDefinitionTests
{
    private static readonly SettingDefinition SprintLength =
        new("sprintDays", "Sprint length", SettingType.Integer, "14") { Minimum = 1, Maximum = 30 };

    [Theory]
    [InlineData("1")]
    [InlineData("14")]
    [InlineData("30")]
    public void Integer_within_bounds_is_accepted(string value) =>
        Assert.Null(SprintLength.Check(value));

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("-5")]
    public void Integer_outside_bounds_is_refused_with_the_bounds(string value) =>
        Assert.Equal("Sprint length must be between 1 and 30.", SprintLength.Check(value));

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("99999999999999999999")] // overflows a long
    public void Non_integer_is_refused(string value) =>
        Assert.Equal("Sprint length must be a whole number.", SprintLength.Check(value));

    [Fact]
    public void Unbounded_integer_accepts_the_extremes()
    {
        var setting = new SettingDefinition("n", "N", SettingType.Integer, "0");

        Assert.Null(setting.Check(long.MinValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(setting.Check(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", true)]
    [InlineData("True", false)]
    [InlineData("yes", false)]
    [InlineData("1", false)]
    [InlineData("", false)]
    public void Boolean_accepts_only_true_or_false(string value, bool accepted)
    {
        var setting = new SettingDefinition("notify", "Notify", SettingType.Boolean, "true");

        var error = setting.Check(value);

        if (accepted) Assert.Null(error);
        else Assert.Equal("Notify must be true or false.", error);
    }

    [Fact]
    public void Text_accepts_up_to_2000_characters_and_refuses_more()
    {
        var setting = new SettingDefinition("footer", "Footer", SettingType.Text, "");

        Assert.Null(setting.Check(new string('x', 2000)));
        Assert.Equal("Footer must be at most 2000 characters.", setting.Check(new string('x', 2001)));
    }

    [Fact]
    public void Text_is_not_checked_as_a_number() =>
        Assert.Null(new SettingDefinition("t", "T", SettingType.Text, "").Check("not a number"));
}
