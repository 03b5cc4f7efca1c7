using Microsoft.Playwright;

namespace TsPmo.E2E;

/// <summary>A project manager records risks on a project, reads the heat maps, opens a cell's risks and sees the portfolio.</summary>
public sealed class RiskJourneyTests
{
    [Fact]
    public async Task Record_three_risks_read_the_heat_map_and_open_a_cell()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        await session.SignInAsync();

        await page.GotoAsync("/Projects/New");
        await page.GetByLabel("Name").FillAsync("Payments platform");
        await page.GetByLabel("Code").FillAsync("PAY-1");
        await page.GetByLabel("Methodology").SelectOptionAsync("agile");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is in Initiation");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Payments platform sections" }).GetByRole(AriaRole.Link, new() { Name = "Risks" }).ClickAsync();

        var risks = new[]
        {
            ("Card vendor changes its API", "Vendor", "4", "5", "Critical"),
            ("PCI audit finds gaps", "Compliance", "4", "5", "Critical"),
            ("Key engineer leaves", "Resource", "2", "3", "Medium"),
        };
        foreach (var (title, category, probability, impact, level) in risks)
        {
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("Category").SelectOptionAsync(category);
            await page.GetByLabel("Probability", new() { Exact = true }).SelectOptionAsync(probability);
            await page.GetByLabel("Impact", new() { Exact = true }).SelectOptionAsync(impact);
            await page.GetByLabel("Mitigation").FillAsync("Weekly review with the supplier");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record risk" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"\"{title}\" is recorded: score {int.Parse(probability) * int.Parse(impact)}, {level}.");
        }

        // A bad risk stays on the form with its message.
        await page.GetByLabel("Title").FillAsync("No category");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record risk" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Category-error")).ToContainTextAsync("Choose a category");

        await page.GotoAsync(page.Url.Split('?')[0]);
        var inherent = page.Locator("#heatmap-inherent");
        await Assertions.Expect(inherent).ToContainTextAsync("3 live risk(s)");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("risk-register");

        // The probability 4, impact 5 cell holds two risks: open it.
        await inherent.GetByRole(AriaRole.Link, new() { Name = "2 Critical risk(s) at probability 4, impact 5" }).ClickAsync();
        var table = page.Locator("#risk-table");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(table).ToContainTextAsync("PCI audit finds gaps");
        await Assertions.Expect(table).Not.ToContainTextAsync("Key engineer leaves");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("risk-heatmap");

        // A risk's page: reassess, and the trend keeps the history.
        await table.GetByRole(AriaRole.Link, new() { Name = "Card vendor changes its API" }).ClickAsync();
        await page.GetByLabel("Probability", new() { Exact = true }).SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("saved");
        await page.GetByText("Assessments as a table").ClickAsync();
        await Assertions.Expect(page.Locator("table", new() { HasText = "Every assessment" }).Locator("tbody tr")).ToHaveCountAsync(2);
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("risk-detail");

        // The portfolio view filters by category.
        await page.GotoAsync("/Risk?category=Resource");
        await Assertions.Expect(page.Locator("#risk-table tbody tr")).ToHaveCountAsync(1);
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("risk-portfolio");
    }
}
