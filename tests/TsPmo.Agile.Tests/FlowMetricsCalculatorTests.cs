using TsPmo.Agile.Domain;
using TsPmo.Agile.Engine;

namespace TsPmo.Agile.Tests;

public sealed class FlowMetricsCalculatorTests
{
    [Fact]
    public void Cycle_time_uses_cards_started_and_done_within_the_range()
    {
        // A 2.5, B 2, C 10 (D has no start; E and I finished outside 4–24 March). Sorted 2, 2.5, 10:
        // P50 = rank ⌈1.5⌉ = 2 → 2.5; P85 = rank ⌈2.55⌉ = 3 → 10; P95 = rank ⌈2.85⌉ = 3 → 10.
        Assert.Equal(new PercentileSet(2.5, 10, 10, 3), SmallBoard.Compute().CycleTime);
    }

    [Fact]
    public void Lead_time_includes_cards_done_without_a_start()
    {
        // A 5.5, B 3, C 16, D 3.5 → sorted 3, 3.5, 5.5, 16: P50 = rank 2 → 3.5; P85 = rank ⌈3.4⌉ = 4 → 16; P95 → 16.
        Assert.Equal(new PercentileSet(3.5, 16, 16, 4), SmallBoard.Compute().LeadTime);
    }

    [Fact]
    public void Throughput_lists_every_week_including_empty_ones()
    {
        // Week of 4 March: A (6th), B (7th), D (8th). Week of 11 March: nothing. Week of 18 March: C (21st).
        WeeklyCount[] expected = [new(new(2024, 3, 4), 3), new(new(2024, 3, 11), 0), new(new(2024, 3, 18), 1)];
        Assert.Equal(expected, SmallBoard.Compute().Throughput);
    }

    [Fact]
    public void Throughput_weeks_overlapping_a_range_that_is_not_whole_weeks()
    {
        // Wednesday 6 March to Tuesday 19 March overlaps the weeks of 4, 11 and 18 March; only A, B and D were done
        // inside it (C on the 21st is after the end).
        WeeklyCount[] expected = [new(new(2024, 3, 4), 3), new(new(2024, 3, 11), 0), new(new(2024, 3, 18), 0)];
        Assert.Equal(expected, SmallBoard.Compute(new DateOnly(2024, 3, 6), new DateOnly(2024, 3, 19)).Throughput);
    }

    [Fact]
    public void Cumulative_flow_counts_each_column_at_the_end_of_each_day()
    {
        // Counted by hand from the moves (Backlog / Doing / Done at the end of each day):
        //   Mar 4: B / A / E          — C and D arrive at Mar 5 00:00, which is the next day
        //   Mar 5: C, D / A, B / E
        //   Mar 6: C, D, F / B / E, A
        //   Mar 7: C, D, F / — / E, A, B
        //   Mar 8: C, F / — / E, A, B, D
        var cfd = SmallBoard.Compute(new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 8)).Cfd;
        Assert.Equal([new(2024, 3, 4), new(2024, 3, 5), new(2024, 3, 6), new(2024, 3, 7), new(2024, 3, 8)], cfd.Days);
        Assert.Equal(["Backlog", "Doing", "Done"], cfd.Bands.Select(b => b.Column));
        Assert.Equal([1, 2, 3, 3, 2], cfd.Bands[0].Counts);
        Assert.Equal([1, 2, 1, 0, 0], cfd.Bands[1].Counts);
        Assert.Equal([1, 1, 2, 3, 4], cfd.Bands[2].Counts);
    }

    [Fact]
    public void Cumulative_flow_does_not_depend_on_the_order_moves_arrive_in()
    {
        var shuffled = SmallBoard.Moves.Reverse().ToArray();
        var expected = SmallBoard.Compute().Cfd;
        var actual = SmallBoard.Compute(moves: shuffled).Cfd;
        Assert.Equal(expected.Days, actual.Days);
        for (var c = 0; c < expected.Bands.Count; c++) Assert.Equal(expected.Bands[c].Counts, actual.Bands[c].Counts);
    }

    [Fact]
    public void A_move_into_a_column_no_longer_on_the_board_takes_the_card_off_the_diagram()
    {
        ColumnTransition[] moves =
        [
            new(1, null, "Backlog", SmallBoard.At(3, 4, 9)),
            new(1, "Backlog", "Archive", SmallBoard.At(3, 5, 9)),
        ];
        var cfd = SmallBoard.Compute(new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 5), moves).Cfd;
        Assert.Equal([1, 0], cfd.Bands[0].Counts);
        Assert.All(cfd.Bands.Skip(1), b => Assert.Equal([0, 0], b.Counts));
    }

    [Fact]
    public void Aging_flags_cards_in_progress_older_than_the_85th_percentile()
    {
        // P85 cycle time is 10 days. At Mar 24 12:00, F (started Mar 12 00:00) is 12.5 days old → flagged;
        // G (started Mar 22 12:00) is 2 days old. H never started; the rest are done. Oldest first.
        AgingItem[] expected = [new(6, "F", "Doing", 12.5, true), new(7, "G", "Doing", 2, false)];
        Assert.Equal(expected, SmallBoard.Compute().Aging);
    }

    [Fact]
    public void Aging_flags_nothing_without_finished_history()
    {
        // Nothing was finished in the first days of March, so there is no P85 to compare against.
        var metrics = SmallBoard.Compute(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 3));
        Assert.Equal(new PercentileSet(null, null, null, 0), metrics.CycleTime);
        Assert.All(metrics.Aging, a => Assert.False(a.OlderThanP85));
    }

    [Fact]
    public void Scatter_has_a_point_per_finished_card_with_a_start()
    {
        ScatterPoint[] expected =
        [
            new(1, "A", new(2024, 3, 6), 2.5, 5.5),
            new(2, "B", new(2024, 3, 7), 2, 3),
            new(3, "C", new(2024, 3, 21), 10, 16),
        ];
        Assert.Equal(expected, SmallBoard.Compute().Scatter);
    }

    [Fact]
    public void Days_and_weeks_are_those_of_the_organizations_zone()
    {
        // Done Sunday 10 March 20:00 UTC = Monday 11 March 06:00 at UTC+10: the week of 11 March there, of 4 March in UTC.
        CardFlow[] cards = [new(1, "A", SmallBoard.At(3, 4), SmallBoard.At(3, 5), SmallBoard.At(3, 10, 20))];
        ColumnTransition[] moves = [new(1, null, "Done", SmallBoard.At(3, 10, 20))];
        FlowMetrics Run(TimeZoneInfo zone) => FlowMetricsCalculator.Compute(
            cards, moves, ["Done"], new Dictionary<long, string>(), new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 17), zone, SmallBoard.Now);

        var utc = Run(TimeZoneInfo.Utc);
        var plus10 = Run(TestZones.Plus10);

        Assert.Equal([1, 0], utc.Throughput.Select(w => w.Count));
        Assert.Equal([0, 1], plus10.Throughput.Select(w => w.Count));
        Assert.Equal(new DateOnly(2024, 3, 11), plus10.Scatter.Single().DoneOn);
        // The CFD day ends move too: the card is in Done at the end of 10 March in UTC, only from 11 March at UTC+10.
        Assert.Equal(1, utc.Cfd.Bands[0].Counts[6]);
        Assert.Equal(0, plus10.Cfd.Bands[0].Counts[6]);
        Assert.Equal(1, plus10.Cfd.Bands[0].Counts[7]);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallBoard.Compute(new DateOnly(2024, 3, 10), new DateOnly(2024, 3, 9)));

    [Fact]
    public void An_empty_board_has_empty_metrics()
    {
        var metrics = FlowMetricsCalculator.Compute(
            [], [], ["Backlog"], new Dictionary<long, string>(), new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 10), TimeZoneInfo.Utc, SmallBoard.Now);
        Assert.Equal(0, metrics.LeadTime.Count);
        Assert.Null(metrics.LeadTime.P50);
        Assert.Equal([new WeeklyCount(new DateOnly(2024, 3, 4), 0)], metrics.Throughput);
        Assert.Equal(new int[7], metrics.Cfd.Bands[0].Counts);
        Assert.Empty(metrics.Aging);
        Assert.Empty(metrics.Scatter);
    }
}
