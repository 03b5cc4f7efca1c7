using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TsPmo.Core.Seeding;
using TsPmo.Sdk.Ports.Seeding;

namespace TsPmo.E2E;

/// <summary>
/// Monday morning for the PMO on the demo portfolio: the dashboard at a glance, a drill into a red project, a status
/// report with every enabled module's section, and the weekly reports the scheduler generated.
/// </summary>
public sealed class ReportingJourneyTests
{
    [Fact]
    public async Task Read_the_portfolio_drill_into_a_red_project_generate_a_report_and_find_the_weekly_ones()
    {
        // The scheduler wakes every two seconds here instead of every minute, so the test need not wait long.
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true,
            settings: new Dictionary<string, string> { ["Jobs:reporting.scheduler:FirstRunAfterSeconds"] = "1", ["Jobs:reporting.scheduler:IntervalSeconds"] = "2" });
        var page = session.Page;
        await using (var scope = session.Server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PortfolioSeeder>().SeedAsync(SeedSize.Demo, force: false);
        await session.SignInAsync();

        // The home page is the portfolio dashboard for an administrator or the PMO.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#kpi-tiles")).ToContainTextAsync("On-time delivery");
        await Assertions.Expect(page.Locator("#kpi-ontime")).ToContainTextAsync("closed project(s)");
        await Assertions.Expect(page.Locator("#phase-table")).ToContainTextAsync("Execution");
        await Assertions.Expect(page.Locator("#health-attention li").First).ToBeVisibleAsync();
        await session.WaitForChartsAsync(); // the charts finish drawing before the screenshot
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("reporting-home-dashboard");

        // The full report.
        await page.GetByRole(AriaRole.Link, new() { Name = "Full portfolio report" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Portfolio report" })).ToBeVisibleAsync();
        await session.WaitForChartsAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("reporting-portfolio");

        // Drill down: the red projects behind the count, then a Kanban one (so the Agile module has a section to add).
        await page.Locator(".health-counts a", new() { HasText = "Red" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overall health Red" })).ToBeVisibleAsync();
        var firstRed = page.Locator("#drilldown-table tbody tr", new() { HasText = "Agile (Kanban)" }).First.Locator("th a");
        var name = await firstRed.InnerTextAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("reporting-drilldown-red");
        await firstRed.ClickAsync();
        await Assertions.Expect(page.Locator("#overall-health")).ToContainTextAsync("Red");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("reporting-project-health");

        // A status report with the manager's summary and every enabled module's section.
        await page.GetByLabel("Manager's summary (Markdown)").FillAsync("Behind plan: **vendor API** slipped two weeks; recovery plan with the sponsor on Friday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate status report" }).ClickAsync();
        var report = page.Locator("#status-report");
        await Assertions.Expect(report.GetByRole(AriaRole.Heading, new() { Name = $"Status report: {name}" })).ToBeVisibleAsync();
        await Assertions.Expect(report.GetByRole(AriaRole.Heading, new() { Name = "Health" })).ToBeVisibleAsync();
        await Assertions.Expect(report.GetByRole(AriaRole.Heading, new() { Name = "Project facts" })).ToBeVisibleAsync();
        await Assertions.Expect(report.GetByRole(AriaRole.Heading, new() { Name = "Risks" })).ToBeVisibleAsync();
        await Assertions.Expect(report.GetByRole(AriaRole.Heading, new() { Name = "Flow (Kanban)" })).ToBeVisibleAsync();
        await Assertions.Expect(report.Locator("strong", new() { HasText = "vendor API" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("reporting-status-report");

        // The administrator schedules the weekly reports for a minute ago; the scheduler generates them.
        var slot = DateTime.UtcNow.AddMinutes(-1);
        await page.GotoAsync("/Admin/ModuleSettings?id=reporting");
        await page.GetByLabel("Weekday of the weekly status reports").FillAsync(slot.DayOfWeek.ToString());
        await page.GetByLabel("Time of the weekly status reports").FillAsync(slot.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByLabel("Generate weekly status reports")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Reporting settings saved.");
        await Assertions.Expect(page.GetByLabel("Generate weekly status reports")).ToBeCheckedAsync();
        await session.AssertAccessibleAsync();

        var scheduled = page.Locator("#scheduled-reports tbody tr");
        for (var attempt = 0; attempt < 30 && await scheduled.CountAsync() == 0; attempt++)
        {
            await page.WaitForTimeoutAsync(1000);
            await page.GotoAsync("/Reporting");
        }
        await Assertions.Expect(scheduled.First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#last-snapshot")).Not.ToHaveTextAsync("never");
        await page.Locator("#scheduled-reports").ScrollIntoViewIfNeededAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("reporting-weekly-reports");

        // Every project's latest report in one document.
        await page.GetByRole(AriaRole.Link, new() { Name = "Portfolio status pack" }).ClickAsync();
        await Assertions.Expect(page.Locator("#portfolio-pack")).ToContainTextAsync("vendor API");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("reporting-pack");

        await page.GotoAsync("/Reporting/PastProjects");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Past projects" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("reporting-past-projects");
    }
}
