using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TsPmo.Core.Seeding;
using TsPmo.Sdk.Ports.Seeding;
using TsPmo.Sdk.Time;

namespace TsPmo.E2E;

/// <summary>
/// A new user runs a project in sprints: creates the Scrum project, fills and orders the backlog, plans and starts a
/// sprint, drags items across the board, reads the burndown, completes the sprint, sees velocity and holds a retro.
/// </summary>
public sealed class ScrumJourneyTests
{
    private static void CollectErrors(IPage page, List<string> errors)
    {
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal)) errors.Add(message.Text + " " + message.Location);
        };
    }

    [Fact]
    public async Task Create_a_scrum_project_fill_the_backlog_plan_start_drag_read_the_burndown_complete_and_see_velocity()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        var errors = new List<string>();
        CollectErrors(page, errors);
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        var today = session.Server.Services.GetRequiredService<IOrganizationClock>().Today;
        await session.SignInAsync();

        await page.GotoAsync("/Projects/New");
        await page.GetByLabel("Name").FillAsync("Customer portal");
        await page.GetByLabel("Code").FillAsync("CP-1");
        await page.GetByLabel("Methodology").SelectOptionAsync("scrum");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is in Initiation");
        var tabs = page.GetByRole(AriaRole.Navigation, new() { Name = "Customer portal sections" });
        await tabs.GetByRole(AriaRole.Link, new() { Name = "Backlog" }).ClickAsync();

        // Fill the backlog.
        foreach (var (title, type, points) in new[] { ("Sign in with email", "Story", "5"), ("Order history", "Story", "8"), ("Wrong totals on discounts", "Bug", "3"), ("Wish lists", "Story", "13") })
        {
            await page.GetByLabel("New item").FillAsync(title);
            await page.GetByLabel("Type").SelectOptionAsync(type);
            await page.GetByLabel("Story points").FillAsync(points);
            await page.GetByLabel("Estimate (hours)").FillAsync("6");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"\"{title}\" is at the bottom of the backlog.");
        }
        // Bad input is explained next to the field.
        await page.GetByLabel("New item").FillAsync("Negative");
        await page.GetByLabel("Story points").FillAsync("-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Assertions.Expect(page.Locator("#NewItem_Points-error")).ToContainTextAsync("Story points cannot be negative");
        await page.GotoAsync(page.Url.Split('?')[0]);

        // Order it: the bug up one place with the keyboard-accessible button, then wish lists dragged to the top.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Wrong totals on discounts up" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var titles = page.Locator(".scrum-backlog .scrum-title");
        await Assertions.Expect(titles).ToHaveTextAsync(["Sign in with email", "Wrong totals on discounts", "Order history", "Wish lists"]);
        await page.Locator(".scrum-backlog-item", new() { HasText = "Wish lists" }).DragToAsync(page.Locator(".scrum-backlog-item", new() { HasText = "Sign in with email" }),
            new() { TargetPosition = new() { X = 40, Y = 3 } });
        await Assertions.Expect(titles).ToHaveTextAsync(["Wish lists", "Sign in with email", "Wrong totals on discounts", "Order history"]);
        // Positions are renumbered only by the list the server sends back: the drag was saved.
        await Assertions.Expect(page.Locator(".scrum-backlog-item", new() { HasText = "Wish lists" }).Locator(".scrum-rank")).ToHaveTextAsync("1");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("scrum-backlog");

        // Describe an item in Markdown; the page shows it rendered.
        await page.GetByRole(AriaRole.Link, new() { Name = "Order history", Exact = true }).ClickAsync();
        await page.GetByLabel("Description (Markdown)").FillAsync("As a customer I want to see **every order** I placed.");
        await page.GetByLabel("Acceptance criteria (Markdown)").FillAsync("- Newest first\n- Shows the delivery status");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("\"Order history\" saved.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Order history", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".scrum-markdown strong")).ToHaveTextAsync("every order");
        await Assertions.Expect(page.Locator(".scrum-markdown li")).ToHaveCountAsync(2);
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("scrum-item");

        // Plan a sprint: create it, then move three items in.
        await tabs.GetByRole(AriaRole.Link, new() { Name = "Sprints" }).ClickAsync();
        await page.GetByLabel("Start date").FillAsync(today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("End date").FillAsync(today.AddDays(13).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Capacity (points)").FillAsync("20");
        await page.GetByLabel("Sprint goal").FillAsync("Customers can sign in and see their orders");
        await session.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create sprint" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sprint 1 is planned");
        foreach (var title in new[] { "Sign in with email", "Wrong totals on discounts", "Order history" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Add {title} to sprint" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"\"{title}\" is in the sprint.");
        }
        await Assertions.Expect(page.Locator(".scrum-summary")).ToContainTextAsync("16 points");
        await Assertions.Expect(page.Locator(".scrum-summary")).ToContainTextAsync("no completed sprint yet");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("scrum-planning");

        // Start it: the board of the active sprint.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start Sprint 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sprint 1 has started with 16 points committed.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board: Sprint 1" })).ToBeVisibleAsync();
        var inProgress = page.Locator(".scrum-cell[data-status='InProgress']");
        var done = page.Locator(".scrum-cell[data-status='Done']");
        await page.Locator(".scrum-card", new() { HasText = "Order history" }).DragToAsync(inProgress);
        await Assertions.Expect(inProgress.Locator(".scrum-card")).ToHaveCountAsync(1);
        // The column heads change only when the server's board comes back (htmx), so waiting on them waits for the swap.
        await Assertions.Expect(page.Locator("#col-InProgress")).ToContainTextAsync("1 item(s), 8 pts");
        await page.Locator(".scrum-card", new() { HasText = "Wrong totals on discounts" }).DragToAsync(done);
        await Assertions.Expect(done.Locator(".scrum-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#col-Done")).ToContainTextAsync("1 item(s), 3 pts");
        await Assertions.Expect(page.Locator("#board-status")).ToContainTextAsync("13 points remain");
        // Without dragging: the card's Move form.
        var signIn = page.Locator(".scrum-card", new() { HasText = "Sign in with email" });
        await signIn.Locator("summary").ClickAsync();
        await signIn.GetByLabel("Move Sign in with email to").SelectOptionAsync("Done");
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("\"Sign in with email\" is in Done.");
        await Assertions.Expect(done.Locator(".scrum-card")).ToHaveCountAsync(2);
        // 16 committed, 3 + 5 done: 8 remain.
        await Assertions.Expect(page.Locator("#board-status")).ToContainTextAsync("8 points remain");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("scrum-board");

        // The burndown reads 8 remaining at the end of today.
        await page.GetByRole(AriaRole.Link, new() { Name = "Burndown and burnup" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('chart-burndown')) && Chart.getChart(document.getElementById('chart-burnup'))");
        await Assertions.Expect(page.Locator("#burndown-summary")).ToContainTextAsync("Committed 16 points at the start");
        await Assertions.Expect(page.Locator("#burndown-summary")).ToContainTextAsync("8 remain");
        await page.GetByText("Burndown as a table").ClickAsync();
        var todayRow = page.Locator("table.scrum-table").First.Locator("tbody tr").First;
        await Assertions.Expect(todayRow.Locator("th")).ToContainTextAsync(today.ToString("yyyy-MM-dd"));
        await Assertions.Expect(todayRow.Locator("td").First).ToHaveTextAsync("8");
        await Assertions.Expect(page.Locator("table.scrum-table").First.Locator("tbody tr").Last.Locator("td").Last).ToHaveTextAsync("0");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("scrum-sprint-report");

        // Complete the sprint; the unfinished item goes back to the backlog; velocity shows the sprint.
        await page.GetByRole(AriaRole.Link, new() { Name = "Planning" }).ClickAsync();
        await page.GetByLabel("Back to the top of the backlog").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete Sprint 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sprint 1 is completed: 8 of 16 committed points done");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Velocity and release forecast" })).ToBeVisibleAsync();
        var row = page.Locator("#velocity-table tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("Sprint 1");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("16");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("8");
        // 21 points remain (order history 8 + wish lists 13) at 8 a sprint: 3 sprints in every simulated future.
        await Assertions.Expect(page.Locator("#forecast-table")).ToContainTextAsync("85 %");
        await Assertions.Expect(page.Locator("#forecast-table tbody tr").Nth(1).Locator("td").First).ToHaveTextAsync("3");
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('chart-velocity'))");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("scrum-velocity");

        // The retrospective: notes and an action.
        await tabs.GetByRole(AriaRole.Link, new() { Name = "Sprints" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Retrospective of Sprint 1" }).ClickAsync();
        await page.GetByLabel("What went well (Markdown)").FillAsync("- Small stories\n- **Pairing** on the bug");
        await page.GetByLabel("What to improve (Markdown)").FillAsync("- Order history was too big for one sprint");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save notes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("notes are saved");
        await page.GetByLabel("New action").FillAsync("Split stories over 5 points at refinement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Action \"Split stories over 5 points at refinement\" added.");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("scrum-retro");

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_seeded_team_reads_a_half_burned_sprint_its_velocity_and_carried_retro_actions()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        var errors = new List<string>();
        CollectErrors(page, errors);
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await using (var scope = session.Server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PortfolioSeeder>().SeedAsync(SeedSize.Demo, force: true);
        await session.SignInAsync();

        // The dashboard widget leads to the active sprint's report.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Scrum sprints" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await page.Locator("section:has(h2:text('Scrum sprints')) tbody tr td a").First.ClickAsync();
        await page.WaitForURLAsync("**/Scrum/Sprints/*/Report");
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('chart-burndown')) && Chart.getChart(document.getElementById('chart-burnup'))");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("scrum-seeded-report");

        await page.GetByRole(AriaRole.Link, new() { Name = "Velocity" }).First.ClickAsync();
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('chart-velocity'))");
        Assert.True(await page.Locator("#velocity-table tbody tr").CountAsync() >= 4);
        await Assertions.Expect(page.Locator("#forecast-table")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("scrum-seeded-velocity");

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Retrospective" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open actions from earlier retrospectives" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("scrum-seeded-retro");

        await page.GetByRole(AriaRole.Link, new() { Name = "Board" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".scrum-cell[data-status='Done'] .scrum-card")).Not.ToHaveCountAsync(0);
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("scrum-seeded-board");

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
