using TsPmo.Risk.Domain;

namespace TsPmo.Risk.Tests;

public sealed class HeatMapTests
{
    [Fact]
    public void Cells_are_rows_by_impact_5_to_1_and_columns_by_probability_1_to_5()
    {
        var map = HeatMap.From([(5, 5, 2), (1, 1, 3), (2, 4, 1), (2, 4, 1), (5, 1, 7)]);
        int[][] expected =
        [
            [0, 0, 0, 0, 2], // impact 5
            [0, 2, 0, 0, 0], // impact 4
            [0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0],
            [3, 0, 0, 0, 7], // impact 1
        ];
        Assert.Equal(expected, map.Cells);
        Assert.Equal(14, map.Total);
        Assert.Equal(2, map.Count(probability: 2, impact: 4));
    }

    [Fact]
    public void An_empty_map_is_five_rows_of_five_zeros()
    {
        Assert.Equal(5, HeatMap.Empty.Cells.Length);
        Assert.All(HeatMap.Empty.Cells, row => Assert.Equal([0, 0, 0, 0, 0], row));
    }
}
