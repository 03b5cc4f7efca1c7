using TsPmo.Scrum.Contributions;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Services;
using TsPmo.Scrum.Api;
using TsPmo.Scrum.Engine;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Scrum.Tests;

/// <summary>The arithmetic behind the ports: health thresholds and how work demand spreads over weeks.</summary>
public sealed class PortsArithmeticTests
{
    [Fact]
    public void Work_demand_spreads_hours_over_the_remaining_working_days_by_week()
    {
        // Wed 5 to Tue 11 March 2025: Wed, Thu, Fri in the week of Mon 3 March, Mon and Tue in the week of Mon 10 March.
        // 30 hours / 5 days = 6 a day → 18 h and 12 h.
        var weeks = ScrumWorkDemand.Spread(30, new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 11)).ToList();
        Assert.Equal([(new DateOnly(2025, 3, 3), 18m), (new DateOnly(2025, 3, 10), 12m)], weeks);

        // A weekend-only range puts everything in its week.
        Assert.Equal([(new DateOnly(2025, 3, 3), 8m)], ScrumWorkDemand.Spread(8, new DateOnly(2025, 3, 8), new DateOnly(2025, 3, 9)).ToList());
    }

    [Theory]
    [InlineData(new double[] { 20, 20, 20, 17 }, Rag.Green, "20")]     // 17 / 20 = 85 %
    [InlineData(new double[] { 20, 20, 20, 15 }, Rag.Amber, "20")]     // 15 / 20 = 75 %
    [InlineData(new double[] { 20, 20, 20, 11 }, Rag.Red, "20")]       // 11 / 20 = 55 %
    [InlineData(new double[] { 5, 40, 20, 20, 14 }, Rag.Red, "26.7")]  // the 5 is not among the three before; (40 + 20 + 20) / 3 = 26.7; 14 / 26.7 = 52 %
    [InlineData(new double[] { 10, 9 }, Rag.Green, "10")]              // one sprint before: 9 / 10 = 90 %
    public void Velocity_drop_compares_the_last_sprint_with_the_average_of_the_three_before(double[] sprints, Rag rag, string average)
    {
        var signal = ScrumHealthSignals.VelocityDrop(sprints.Select(s => (decimal)s).ToList());
        Assert.Equal(rag, signal.Rag);
        Assert.Contains($"is {average} (", signal.Explanation);
    }

    [Fact]
    public void Overcommitment_against_capacity_and_velocity()
    {
        Sprint Planned(decimal planned, decimal capacity) => new() { Name = "Sprint 5", State = SprintState.Planned, PlannedPoints = planned, CapacityPoints = capacity };

        Assert.Equal(Rag.Green, ScrumHealthSignals.Overcommitted(Planned(24, 25), 20).Rag);  // 24 ≤ 25 and ≤ 1.2 × 20 = 24
        Assert.Equal(Rag.Amber, ScrumHealthSignals.Overcommitted(Planned(26, 25), 30).Rag);  // over capacity only
        Assert.Equal(Rag.Amber, ScrumHealthSignals.Overcommitted(Planned(25, 30), 20).Rag);  // 25 > 24 only
        Assert.Equal(Rag.Red, ScrumHealthSignals.Overcommitted(Planned(26, 25), 20).Rag);    // both
        Assert.Equal(Rag.Red, ScrumHealthSignals.Overcommitted(Planned(31, 40), 20).Rag);    // 31 > 1.5 × 20
        Assert.Equal(Rag.Green, ScrumHealthSignals.Overcommitted(Planned(50, 0), null).Rag); // no capacity set, no velocity yet
    }

    [Fact]
    public void Burndown_signal_turns_amber_past_10_and_red_past_25_percent_behind()
    {
        var sprint = new Sprint { Name = "Sprint 1", State = SprintState.Active };
        Burndown At(decimal remaining, decimal ideal) => new(40, [new BurndownDay(new DateOnly(2025, 3, 5), remaining, ideal, 40, 40 - remaining, true)]);

        Assert.Equal(Rag.Green, ScrumHealthSignals.Burndown(sprint, At(32, 28)).Rag); // 4 / 40 = 10 %
        Assert.Equal(Rag.Amber, ScrumHealthSignals.Burndown(sprint, At(33, 28)).Rag); // 12.5 %
        Assert.Equal(Rag.Red, ScrumHealthSignals.Burndown(sprint, At(39, 28)).Rag);   // 27.5 %
        Assert.Equal("11 pts behind", ScrumHealthSignals.Burndown(sprint, At(39, 28)).Value);
        Assert.Equal("on track", ScrumHealthSignals.Burndown(sprint, At(20, 28)).Value);
    }

    [Theory]
    [InlineData("Done", ItemStatus.Done)]
    [InlineData("done", ItemStatus.Done)]
    [InlineData("To do", ItemStatus.ToDo)]
    [InlineData("ToDo", ItemStatus.ToDo)]
    [InlineData("in_progress", ItemStatus.InProgress)]
    [InlineData("In progress", ItemStatus.InProgress)]
    [InlineData("2", null)]
    [InlineData("Finished", null)]
    [InlineData(null, null)]
    public void Statuses_are_read_leniently_but_never_as_numbers(string? text, ItemStatus? status) =>
        Assert.Equal(status, ItemStatuses.Parse(text));

    [Fact]
    public void Unfinished_items_go_to_the_backlog_or_the_next_sprint()
    {
        Assert.Equal(UnfinishedTarget.Backlog, ScrumApi.ParseTarget(null));
        Assert.Equal(UnfinishedTarget.Backlog, ScrumApi.ParseTarget("backlog"));
        Assert.Equal(UnfinishedTarget.NextSprint, ScrumApi.ParseTarget("nextSprint"));
        Assert.Equal(UnfinishedTarget.NextSprint, ScrumApi.ParseTarget("next-sprint"));
        Assert.Throws<DomainValidationException>(() => ScrumApi.ParseTarget("trash"));
    }
}
