using TsPmo.Risk.Domain;
using TsPmo.Risk.Engine;

namespace TsPmo.Risk.Tests;

public sealed class EarlyWarningRulesTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);
    private static readonly WarningThresholds Thresholds = new(ProximityDays: 14, ReviewDays: 30);

    /// <summary>A Medium (2 × 3 = 6), owned, mitigated, freshly reviewed risk: no rule fires on it.</summary>
    private static RiskEntry Quiet(long id = 1) => new RiskEntry
    {
        Id = id, ProjectId = 7, Title = "Risk " + id, Probability = 2, Impact = 3, Owner = 11, Mitigation = "Weekly vendor call",
        Status = RiskStatus.Open, LastReviewed = Today.AddDays(-1), CreatedAt = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
    }.Rated(RiskMatrix.Default);

    private static IReadOnlyList<EarlyWarning> Run(RiskEntry risk, RiskAction[]? actions = null, RiskAssessment[]? history = null) =>
        EarlyWarningEngine.Evaluate([risk], actions ?? [], history ?? [], Today, Thresholds);

    [Fact]
    public void A_quiet_risk_gives_no_warning() => Assert.Empty(Run(Quiet()));

    [Fact]
    public void An_open_action_past_its_due_date_is_overdue()
    {
        var warnings = Run(Quiet(), [
            new RiskAction { Id = 1, RiskId = 1, Title = "Sign DPA", DueDate = Today.AddDays(-3), Status = ActionStatus.InProgress },
            new RiskAction { Id = 2, RiskId = 1, Title = "Done late", DueDate = Today.AddDays(-9), Status = ActionStatus.Done },
            new RiskAction { Id = 3, RiskId = 1, Title = "Due today", DueDate = Today, Status = ActionStatus.Open },
        ]);
        var w = Assert.Single(warnings);
        Assert.Equal((WarningKind.OverdueAction, 1L), (w.Kind, w.ActionId!.Value));
        Assert.Contains("3 day(s) overdue", w.Message);
    }

    [Fact]
    public void A_high_risk_without_owner_warns_but_a_medium_one_does_not()
    {
        Assert.Empty(Run(Quiet() with { Owner = null }));
        var high = (Quiet() with { Probability = 4, Impact = 3, Owner = null }).Rated(RiskMatrix.Default); // 12: High
        Assert.Equal([WarningKind.HighRiskWithoutOwner], Run(high).Select(w => w.Kind));
    }

    [Fact]
    public void A_high_risk_without_mitigation_text_or_open_action_warns()
    {
        var critical = (Quiet() with { Probability = 4, Impact = 5, Mitigation = "" }).Rated(RiskMatrix.Default); // 20: Critical
        Assert.Equal([WarningKind.HighRiskWithoutMitigation], Run(critical).Select(w => w.Kind));
        Assert.Equal([WarningKind.HighRiskWithoutMitigation], Run(critical,
            [new RiskAction { Id = 1, RiskId = 1, Title = "Cancelled", Status = ActionStatus.Cancelled }]).Select(w => w.Kind));
        Assert.Empty(Run(critical, [new RiskAction { Id = 1, RiskId = 1, Title = "Pen test", Status = ActionStatus.Open }]));
    }

    [Fact]
    public void A_score_that_rose_at_the_last_assessment_warns()
    {
        RiskAssessment A(long id, int p, int i) => new() { Id = id, RiskId = 1, Probability = p, Impact = i };
        var rose = Run(Quiet(), history: [A(1, 1, 1), A(2, 2, 2), A(3, 2, 3)]); // 4 → 6
        Assert.Contains("from 4 to 6", Assert.Single(rose).Message);
        Assert.Empty(Run(Quiet(), history: [A(1, 5, 5), A(2, 2, 3)])); // fell
        Assert.Empty(Run(Quiet(), history: [A(1, 2, 3)]));             // only one assessment
        Assert.Empty(Run(Quiet(), history: [A(1, 3, 2), A(2, 2, 3)])); // same score
    }

    [Theory]
    [InlineData(14, true)]
    [InlineData(15, false)]
    [InlineData(0, true)]
    [InlineData(-2, true)]
    public void A_proximity_date_within_14_days_warns(int daysAway, bool warns)
    {
        var warnings = Run(Quiet() with { Proximity = Today.AddDays(daysAway) });
        Assert.Equal(warns, warnings.Any(w => w.Kind == WarningKind.ProximityNear));
    }

    [Theory]
    [InlineData(30, false)]
    [InlineData(31, true)]
    public void A_risk_not_reviewed_for_more_than_the_threshold_warns(int daysAgo, bool warns)
    {
        Assert.Equal(warns, Run(Quiet() with { LastReviewed = Today.AddDays(-daysAgo) }).Any(w => w.Kind == WarningKind.NotReviewed));
        // The threshold is the reviewDays setting: at 60 days neither is late.
        Assert.Empty(EarlyWarningEngine.Evaluate([Quiet() with { LastReviewed = Today.AddDays(-daysAgo) }], [], [], Today, Thresholds with { ReviewDays = 60 }));
    }

    [Fact]
    public void Closed_and_occurred_risks_never_warn()
    {
        var neglected = (Quiet() with { Probability = 5, Impact = 5, Owner = null, Mitigation = "", LastReviewed = Today.AddDays(-400), Proximity = Today })
            .Rated(RiskMatrix.Default);
        Assert.Equal(4, Run(neglected).Count);
        Assert.Empty(Run(neglected with { Status = RiskStatus.Closed }));
        Assert.Empty(Run(neglected with { Status = RiskStatus.Occurred }));
    }
}
