using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Engine;
using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Reporting.Tests;

public sealed class StatusReportComposerTests
{
    [Fact]
    public void The_report_has_summary_health_facts_and_each_section_with_failures_named()
    {
        var project = Rows.Project(target: "2027-03-31", budget: 100_000_00);
        var health = HealthCalculator.Evaluate(project.Id, [new HealthSignal("risk", "Open high risks", HealthDimension.Risk, Rag.Red, "1 critical", "e")], [], new DateOnly(2026, 11, 26));
        var row = Rows.Row(project, Rows.Progress(percent: 40, forecast: "2027-04-10"), health: health);
        var md = StatusReportComposer.Compose(row, "Scrum", 3, "All good | mostly", [
            new SectionResult("Risks", "Risk", "| a | b |\n|---|---|\n| 1 | 2 |", null),
            new SectionResult("Nothing", "Quiet", null, null),
            new SectionResult("Sprint", "Scrum", null, "database is locked"),
        ], new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), "scheduled", TimeZoneInfo.Utc);

        Assert.StartsWith($"# Status report: {project.Name} ({project.Code})", md);
        Assert.Contains("Version 3 · generated 2026-11-30 07:00 by scheduled", md);
        Assert.Contains("All good | mostly", md);
        Assert.Contains("**Overall: Red**", md);
        Assert.Contains("| Risk | Red | Open high risks: Red (1 critical) |", md);
        Assert.Contains("| Cost | No data | No signal from any enabled module |", md);
        Assert.Contains("- Forecast finish: 2027-04-10 (10 day(s) late)", md);
        Assert.Contains("## Risks", md);
        Assert.DoesNotContain("## Nothing", md); // a module with nothing to say is left out
        Assert.Contains("This section could not be generated (module Scrum): database is locked", md);
    }

    [Fact]
    public void User_values_are_escaped_so_they_cannot_add_structure_to_the_report()
    {
        var project = Rows.Project() with { Name = "Evil\n# Injected | [x](javascript:alert(1)) {hx-get=/__pwned}" };
        var comment = "Fine.\n\n## Fake section\n| a | b |";
        var health = HealthCalculator.Evaluate(project.Id, [],
            [new HealthOverride(1, project.Id, HealthDimension.Schedule, Rag.Amber, comment, new DateOnly(2026, 12, 31), "Mallory **M**", DateTimeOffset.UnixEpoch)],
            new DateOnly(2026, 11, 26));
        var md = StatusReportComposer.Compose(Rows.Row(project, health: health), "Scrum", 1, "", [], DateTimeOffset.UnixEpoch, "<b>me</b>", TimeZoneInfo.Utc);

        Assert.StartsWith(@"# Status report: Evil \# Injected \| \[x\](javascript:alert(1)) \{hx-get\=/\_\_pwned\} (P", md);
        Assert.DoesNotContain("\n# Injected", md);
        Assert.DoesNotContain("\n## Fake", md);
        Assert.Contains(@"by \<b\>me\</b\>", md);
        // The override's row stays one row of three cells: the comment's pipe and line breaks are escaped.
        var row = md.Split('\n').Single(l => l.StartsWith("| Schedule |", StringComparison.Ordinal));
        Assert.Equal(4, row.Replace(@"\|", "", StringComparison.Ordinal).Count(c => c == '|'));
        Assert.Contains(@"Mallory \*\*M\*\*", row);
        Assert.Contains(@"Fine. \#\# Fake section \| a \| b \|", row);
    }
}
