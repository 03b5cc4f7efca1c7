using TsPmo.Sdk.Modules;

namespace TsPmo.Sdk.Tests.Modules;

public sealed class SdkRangeTests
{
    [Theory]
    [InlineData("1.0", 1, 0, true)]
    [InlineData("1.0", 1, 5, true)]
    [InlineData("1.0", 2, 0, false)]
    [InlineData("1.0", 0, 9, false)]
    [InlineData("1.2", 1, 1, false)]
    [InlineData("1.2", 1, 2, true)]
    [InlineData("1.2", 1, 9, true)]
    [InlineData("2.0", 1, 9, false)]
    [InlineData("1", 1, 3, true)]
    public void Accepts_follows_caret_semantics(string range, int major, int minor, bool expected) =>
        Assert.Equal(expected, SdkRange.Parse(range).Accepts(new Version(major, minor)));

    [Fact]
    public void Accepts_ignores_build_and_revision_of_the_host()
    {
        var range = SdkRange.Parse("1.2");

        Assert.True(range.Accepts(new Version(1, 2, 7)));
        Assert.False(range.Accepts(new Version(1, 1, 99)));
    }

    [Fact]
    public void Parse_keeps_major_and_minor_only()
    {
        var range = SdkRange.Parse("1.4.2");

        Assert.Equal(new Version(1, 4), range.Minimum);
        Assert.Equal("^1.4", range.ToString());
    }

    [Fact]
    public void Parse_of_a_major_only_means_minor_zero() =>
        Assert.Equal(new Version(3, 0), SdkRange.Parse("3").Minimum);

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("one.two")]
    [InlineData("1.x")]
    [InlineData("-1.0")]
    [InlineData("1..0")]
    public void Parse_refuses_text_that_is_not_a_version(string text)
    {
        var ex = Assert.Throws<FormatException>(() => SdkRange.Parse(text));
        Assert.Contains($"'{text}'", ex.Message);
    }
}
