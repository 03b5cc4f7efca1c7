using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Engine;
using TsPmo.Reporting.Services;
using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Reporting.Tests;

public sealed class HealthRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static HealthSignal S(HealthDimension d, Rag rag, string name = "s") => new("m", name, d, rag, "v", "e");

    private static HealthOverride O(HealthDimension? d, Rag rag, string expires, long id = 1) =>
        new(id, 7, d, rag, "why", DateOnly.Parse(expires), "Pat PMO", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_dimension_is_its_worst_signal_and_one_without_signals_has_no_data()
    {
        var h = HealthCalculator.Evaluate(7, [S(HealthDimension.Schedule, Rag.Green), S(HealthDimension.Schedule, Rag.Amber), S(HealthDimension.Risk, Rag.Green)], [], Today);
        Assert.Equal(HealthRag.Amber, h[HealthDimension.Schedule].Effective);
        Assert.Equal(HealthRag.Green, h[HealthDimension.Risk].Effective);
        Assert.Equal(HealthRag.NoData, h[HealthDimension.Cost].Effective);
        Assert.Equal(HealthRag.Amber, h.Overall);
    }

    [Theory]
    [InlineData(new[] { HealthRag.Red, HealthRag.Green }, HealthRag.Red)]
    [InlineData(new[] { HealthRag.Amber, HealthRag.Amber, HealthRag.Green }, HealthRag.Amber)]
    [InlineData(new[] { HealthRag.Amber, HealthRag.Amber, HealthRag.Amber }, HealthRag.Red)] // three ambers make red
    [InlineData(new[] { HealthRag.Green, HealthRag.NoData }, HealthRag.Green)]
    [InlineData(new[] { HealthRag.NoData, HealthRag.NoData }, HealthRag.NoData)]
    [InlineData(new HealthRag[0], HealthRag.NoData)]
    public void Overall_follows_the_documented_rule(HealthRag[] dimensions, HealthRag expected) =>
        Assert.Equal(expected, HealthCalculator.Overall(dimensions));

    [Fact]
    public void No_signal_at_all_is_no_data_not_green()
    {
        var h = HealthCalculator.Evaluate(7, [], [], Today);
        Assert.Equal(HealthRag.NoData, h.Overall);
        Assert.All(h.Dimensions, d => Assert.Equal(HealthRag.NoData, d.Effective));
    }

    [Fact]
    public void An_active_dimension_override_replaces_the_computed_colour_and_feeds_the_overall()
    {
        var h = HealthCalculator.Evaluate(7, [S(HealthDimension.Schedule, Rag.Red), S(HealthDimension.Risk, Rag.Green)],
            [O(HealthDimension.Schedule, Rag.Amber, "2026-12-31")], Today);
        var schedule = h[HealthDimension.Schedule];
        Assert.Equal(HealthRag.Red, schedule.Computed);
        Assert.Equal(HealthRag.Amber, schedule.Effective);
        Assert.NotNull(schedule.Override);
        Assert.Equal(HealthRag.Amber, h.Overall);
        Assert.Single(h.ActiveOverrides);
    }

    [Fact]
    public void An_overall_override_replaces_the_overall_only()
    {
        var h = HealthCalculator.Evaluate(7, [S(HealthDimension.Schedule, Rag.Red)], [O(null, Rag.Green, "2026-12-31")], Today);
        Assert.Equal(HealthRag.Red, h.ComputedOverall);
        Assert.Equal(HealthRag.Green, h.Overall);
        Assert.Equal(HealthRag.Red, h[HealthDimension.Schedule].Effective);
    }

    [Fact]
    public void An_override_counts_through_its_expiry_day_and_not_after()
    {
        var overrides = new[] { O(HealthDimension.Schedule, Rag.Green, "2026-11-26") };
        Assert.Equal(HealthRag.Green, HealthCalculator.Evaluate(7, [S(HealthDimension.Schedule, Rag.Red)], overrides, Today)[HealthDimension.Schedule].Effective);
        var dayAfter = HealthCalculator.Evaluate(7, [S(HealthDimension.Schedule, Rag.Red)], overrides, Today.AddDays(1));
        Assert.Equal(HealthRag.Red, dayAfter[HealthDimension.Schedule].Effective);
        Assert.Null(dayAfter[HealthDimension.Schedule].Override);
    }

    [Fact]
    public void The_newest_active_override_of_a_scope_wins_and_other_projects_overrides_are_ignored()
    {
        var h = HealthCalculator.Evaluate(7, [S(HealthDimension.Cost, Rag.Green)],
            [O(HealthDimension.Cost, Rag.Amber, "2026-12-31", id: 1), O(HealthDimension.Cost, Rag.Red, "2026-12-31", id: 2),
             O(HealthDimension.Cost, Rag.Green, "2026-12-31", id: 3) with { ProjectId = 8 }], Today);
        Assert.Equal(HealthRag.Red, h[HealthDimension.Cost].Effective);
        Assert.Equal(2, h[HealthDimension.Cost].Override!.Id);
    }

    [Fact]
    public void Override_input_needs_a_comment_a_known_scope_and_an_expiry_after_today()
    {
        var ex = Assert.Throws<TsPmo.Sdk.Data.DomainValidationException>(() =>
            OverrideService.Validate(new OverrideInput { Dimension = "Budget", Rag = "Purple", Comment = "  ", ExpiresOn = Today }, Today));
        Assert.Equal(["comment", "dimension", "expiresOn", "rag"], ex.Errors.Keys.Order().ToArray());
        Assert.Throws<TsPmo.Sdk.Data.DomainValidationException>(() =>
            OverrideService.Validate(new OverrideInput { Rag = "Red", Comment = "x" }, Today)); // no expiry
        var ok = OverrideService.Validate(new OverrideInput { Dimension = "overall", Rag = "red", Comment = " Sponsor call ", ExpiresOn = Today.AddDays(1) }, Today);
        Assert.Null(ok.Dimension);
        Assert.Equal(Rag.Red, ok.Rag);
        Assert.Equal("Sponsor call", ok.Comment);
    }
}
