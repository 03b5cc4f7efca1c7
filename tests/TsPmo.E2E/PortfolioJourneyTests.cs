using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TsPmo.Core.Seeding;
using TsPmo.Sdk.Ports.Seeding;

namespace TsPmo.E2E;

/// <summary>
/// A new user's first hour: the demo organization to browse, then a project of their own from creation to
/// Planning with a charter, and the audit trail of it all.
/// </summary>
public sealed class PortfolioJourneyTests
{
    [Fact]
    public async Task Browse_the_demo_portfolio_then_run_a_project_to_planning_with_a_charter()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true, withMethodology: true);
        var page = session.Page;
        await using (var scope = session.Server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PortfolioSeeder>().SeedAsync(SeedSize.Demo, force: false);
        await session.SignInAsync();

        // The demo portfolio: a table to sort and filter, a board by phase.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Portfolio" }).ClickAsync();
        await Assertions.Expect(page.Locator("#portfolio-table caption")).ToContainTextAsync("12 project(s)");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("portfolio");
        await page.GetByLabel("Phase").SelectOptionAsync("Execution");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#portfolio-table caption")).ToContainTextAsync("4 project(s)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Board by phase" }).ClickAsync();
        await Assertions.Expect(page.Locator("#col-Execution")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Clear" }).ClickAsync();
        await Assertions.Expect(page.Locator("#col-Closed")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("portfolio-board");

        // A demo project's overview: facts, lifecycle, members, activity.
        await page.GotoAsync("/Projects");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mobile banking app v3" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Members" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".phase-history li")).Not.ToHaveCountAsync(0);
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("project-overview-demo");

        // A project of our own.
        await page.GotoAsync("/Projects/New");
        await page.GetByLabel("Name").FillAsync("Customer self-service portal 2");
        await page.GetByLabel("Code").FillAsync("PRT-27");
        await page.GetByLabel("Methodology").SelectOptionAsync("fixture-method");
        await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Start date").FillAsync("2026-12-01");
        await page.GetByLabel("Target date").FillAsync("2026-11-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The target date cannot be before the start date.")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await page.GetByLabel("Target date").FillAsync("2027-06-30");
        await page.GetByLabel("Budget").FillAsync("350000");
        await page.GetByLabel("Tags").FillAsync("customer, web");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("PRT-27 Customer self-service portal 2 is in Initiation.");

        await page.GetByLabel("Move to").SelectOptionAsync("Planning");
        await page.GetByLabel("Reason").FillAsync("Sponsor approved the business case");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change phase" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("PRT-27 is now in Planning.");
        await Assertions.Expect(page.Locator("li[aria-current=step]")).ToContainTextAsync("Planning");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("project-overview");

        // Its charter, with a script that must stay inert.
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Customer self-service portal 2 sections" }).GetByRole(AriaRole.Link, new() { Name = "Documents" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Charter");
        await page.GetByLabel("Kind").SelectOptionAsync("Charter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create document" }).ClickAsync();
        await page.GetByLabel("Text (Markdown)").FillAsync("# Charter\n\n<script>alert('xss')</script>\n\n[click me](javascript:alert(1))\n\nGoal: **self-service** for 80% of requests.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".markdown strong")).ToHaveTextAsync("self-service");
        Assert.Equal(0, await page.Locator(".markdown script").CountAsync());
        Assert.Equal(0, await page.Locator(".markdown a[href^='javascript']").CountAsync());
        Assert.Equal(0, dialogs);
        await session.ScreenshotAsync("project-charter");

        // The audit trail of it all.
        await page.GotoAsync("/Admin/Audit?entity=project");
        await Assertions.Expect(page.Locator("table.audit-table")).ToContainTextAsync("phase changed");
        await Assertions.Expect(page.Locator("table.audit-table")).ToContainTextAsync("PRT-27");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("audit");
    }
}
