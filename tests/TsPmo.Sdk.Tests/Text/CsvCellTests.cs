using TsPmo.Sdk.Text;

namespace TsPmo.Sdk.Tests.Text;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    public void Formulas_become_text(string value, string expected) => Assert.Equal(expected, CsvCell.Escape(value));

    [Theory]
    [InlineData("-5", "-5")]
    [InlineData("-1,250.50", "\"-1,250.50\"")]
    [InlineData("Plain", "Plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(null, "")]
    public void Numbers_and_text_stay_as_they_are_quoted_when_needed(string? value, string expected) => Assert.Equal(expected, CsvCell.Escape(value));
}
