using System.Text;
using Microsoft.Playwright;

namespace TsPmo.E2E;

/// <summary>A team starts a Kanban project: columns and WIP limits, cards moved (and stopped at a limit), history imported, a forecast read.</summary>
public sealed class KanbanJourneyTests
{
    [Fact]
    public async Task Create_a_kanban_project_set_wip_limits_move_cards_import_history_and_forecast()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        await session.SignInAsync();

        await page.GotoAsync("/Projects/New");
        await page.GetByLabel("Name").FillAsync("Service desk improvements");
        await page.GetByLabel("Code").FillAsync("SD-1");
        await page.GetByLabel("Methodology").SelectOptionAsync("agile");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is in Initiation");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Service desk improvements sections" }).GetByRole(AriaRole.Link, new() { Name = "Board" }).ClickAsync();

        // Columns: In progress takes one card at a time.
        await page.GetByRole(AriaRole.Link, new() { Name = "Columns and WIP limits" }).ClickAsync();
        await page.GetByLabel("WIP limit of column 3").FillAsync("1");
        await session.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save columns" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("columns are saved");

        foreach (var title in new[] { "Self-service password reset", "Ticket templates", "SLA dashboard" })
        {
            await page.GetByLabel("New card").FillAsync(title);
            await page.GetByLabel("Estimate (hours)").FillAsync("8");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add card" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"\"{title}\" is in Backlog.");
        }

        // Drag the first card into In progress.
        var inProgress = page.Locator(".kanban-cell[data-column='In progress'][data-lane='Standard']");
        await page.Locator(".kanban-card", new() { HasText = "Self-service password reset" }).DragToAsync(inProgress);
        await Assertions.Expect(inProgress.Locator(".kanban-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".kanban-column-head", new() { HasText = "In progress" })).ToContainTextAsync("1/1");
        await Assertions.Expect(page.Locator(".kanban-column-head", new() { HasText = "In progress" })).ToContainTextAsync("At limit");

        // The second card is stopped at the limit (the form works without JavaScript, too).
        var second = page.Locator(".kanban-card", new() { HasText = "Ticket templates" });
        await second.Locator("summary").ClickAsync();
        await second.GetByLabel("Move Ticket templates to").SelectOptionAsync("In progress");
        await second.GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("In progress is at its WIP limit of 1");
        await Assertions.Expect(inProgress.Locator(".kanban-card")).ToHaveCountAsync(1);
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("kanban-board");

        // A year of history from the old tool.
        await page.GetByRole(AriaRole.Link, new() { Name = "Import history" }).ClickAsync();
        await page.GetByLabel("Or paste the CSV").FillAsync(YearOfHistory());
        await session.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 156 card(s): 156 done");

        // When will the three open cards be done?
        await page.GetByRole(AriaRole.Link, new() { Name = "Forecast" }).ClickAsync();
        await Assertions.Expect(page.Locator("#when-table")).ToContainTextAsync("85 %");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Date", Exact = true }).FillAsync(DateTime.UtcNow.AddDays(42).ToString("yyyy-MM-dd"));
        await page.Locator("form:has(#by)").GetByRole(AriaRole.Button, new() { Name = "Forecast" }).ClickAsync();
        await Assertions.Expect(page.Locator("#howmany-table")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("kanban-forecast");
    }

    /// <summary>52 weeks of finished cards, 2 to 4 a week.</summary>
    private static string YearOfHistory()
    {
        var csv = new StringBuilder("Title,Created,Started,Done\n");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var n = 0;
        for (var w = 1; w <= 52; w++)
        {
            var week = monday.AddDays(-7 * w);
            for (var i = 0; i < 2 + w % 3; i++, n++)
                csv.Append($"Old ticket {n},{week.AddDays(-5):yyyy-MM-dd},{week.AddDays(i % 3):yyyy-MM-dd},{week.AddDays(3 + i % 3):yyyy-MM-dd}\n");
        }
        return csv.ToString();
    }
}
