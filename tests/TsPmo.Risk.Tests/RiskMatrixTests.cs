using TsPmo.Risk.Domain;

namespace TsPmo.Risk.Tests;

public sealed class RiskMatrixTests
{
    // Hand-computed from the documented bands: Low 1–4, Medium 5–9, High 10–15, Critical 16–25.
    [Theory]
    [InlineData(1, 1, 1, RiskLevel.Low)]
    [InlineData(2, 2, 4, RiskLevel.Low)]
    [InlineData(4, 1, 4, RiskLevel.Low)]
    [InlineData(5, 1, 5, RiskLevel.Medium)]
    [InlineData(3, 3, 9, RiskLevel.Medium)]
    [InlineData(2, 5, 10, RiskLevel.High)]
    [InlineData(5, 3, 15, RiskLevel.High)]
    [InlineData(4, 4, 16, RiskLevel.Critical)]
    [InlineData(5, 5, 25, RiskLevel.Critical)]
    public void The_default_matrix_bands_the_score(int probability, int impact, int score, RiskLevel level)
    {
        Assert.Equal(score, RiskMatrix.Score(probability, impact));
        Assert.Equal(level, RiskMatrix.Default.Level(probability, impact));
    }

    [Fact]
    public void Every_cell_of_the_default_matches_its_score_band()
    {
        for (var p = 1; p <= 5; p++)
            for (var i = 1; i <= 5; i++)
            {
                var s = p * i;
                var expected = s <= 4 ? RiskLevel.Low : s <= 9 ? RiskLevel.Medium : s <= 15 ? RiskLevel.High : RiskLevel.Critical;
                Assert.Equal(expected, RiskMatrix.Default.Level(p, i));
            }
    }

    [Fact]
    public void A_custom_matrix_reads_rows_by_impact_5_to_1_and_columns_by_probability_1_to_5()
    {
        // Top-left = impact 5, probability 1; bottom-right = impact 1, probability 5.
        var m = RiskMatrix.Parse("cllll/lllll/lllll/lllll/llllh");
        Assert.Equal(RiskLevel.Critical, m.Level(1, 5));
        Assert.Equal(RiskLevel.High, m.Level(5, 1));
        Assert.Equal(RiskLevel.Low, m.Level(5, 5));
        Assert.Equal("CLLLL/LLLLL/LLLLL/LLLLL/LLLLH", m.Text);
        Assert.Equal([(1, 5)], m.CellsOf(RiskLevel.Critical));
    }

    [Theory]
    [InlineData("MHHCC/LMHCC/LMMHH/LLMMH", "5 rows")]
    [InlineData("MHHCC/LMHC/LMMHH/LLMMH/LLLLM", "Row 2 (impact 4) needs 5 letters")]
    [InlineData("MHHCC/LMHCC/LMXHH/LLMMH/LLLLM", "\"X\" at probability 3")]
    [InlineData("", "5 rows")]
    public void Bad_text_is_refused_with_a_clear_error(string text, string expected)
    {
        Assert.False(RiskMatrix.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
        Assert.Throws<FormatException>(() => RiskMatrix.Parse(text));
    }

    [Fact]
    public void The_default_text_round_trips() => Assert.Equal(RiskMatrix.DefaultText, RiskMatrix.Default.Text);
}
