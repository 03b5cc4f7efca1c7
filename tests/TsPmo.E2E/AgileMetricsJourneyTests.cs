using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace TsPmo.E2E;

/// <summary>A team imports months of Kanban history and reads its flow metrics: four charts, their tables, no script errors.</summary>
public sealed class AgileMetricsJourneyTests
{
    private static readonly string[] Canvases = ["chart-cycle", "chart-throughput", "chart-cfd", "chart-aging"];

    [Fact]
    public async Task Imported_history_draws_four_labeled_charts_with_tables()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        // The host serves no favicon yet; any other failed load or script error is this page's.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal)) errors.Add(message.Text + " " + message.Location);
        };
        var projectId = await ImportHistoryAsync(session.Server.BaseUrl);

        await session.SignInAsync();
        // Users who ask for less motion get still charts (and the screenshot gets finished ones).
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await page.GotoAsync($"/Projects/{projectId}/Agile/Board");
        await page.GetByRole(AriaRole.Link, new() { Name = "Flow metrics" }).ClickAsync();
        await page.WaitForURLAsync($"**/Projects/{projectId}/Agile/Metrics");

        await page.WaitForFunctionAsync("ids => ids.every(id => window.Chart && Chart.getChart(document.getElementById(id)))", Canvases);
        Assert.False(await page.EvaluateAsync<bool>("() => Chart.defaults.animation !== false"), "Animation should be off under prefers-reduced-motion.");
        Assert.Equal(4, await page.Locator("figure figcaption").CountAsync());
        // The cycle time chart carries its three percentile lines, labeled with their values.
        var lines = await page.EvaluateAsync<string[]>("() => Chart.getChart(document.getElementById('chart-cycle')).data.datasets.map(d => d.label)");
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("85%: ", StringComparison.Ordinal) && l.EndsWith(" days", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".flow-old")).ToContainTextAsync("Stuck on a vendor");

        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("agile-metrics");

        // The text alternatives: a known card's cycle and lead time, and a week's throughput.
        var cycleFigure = page.Locator("figure", new() { Has = page.Locator("#chart-cycle") });
        await cycleFigure.GetByText("Cycle and lead time as a table").ClickAsync();
        var row = cycleFigure.GetByRole(AriaRole.Row, new() { Name = "Checkout redesign" });
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("8.0");
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("13.0");
        var throughputFigure = page.Locator("figure", new() { Has = page.Locator("#chart-throughput") });
        await throughputFigure.GetByText("Weekly throughput as a table").ClickAsync();
        await Assertions.Expect(throughputFigure.Locator("table caption")).ToContainTextAsync("Cards finished per week");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("agile-metrics-tables");

        Assert.True(errors.Count == 0, "Browser errors:\n" + string.Join("\n", errors));
    }

    /// <summary>
    /// A Kanban project with about four months of history ending today (the page's default window): a seeded
    /// generator for the bulk, plus cards with known dates the test reads back.
    /// </summary>
    private static async Task<long> ImportHistoryAsync(string baseUrl)
    {
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var token = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { email = AppServer.AdminEmail, password = AppServer.AdminPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        var project = await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Checkout team flow", code = "CHK-1", methodology = "agile" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = project.GetProperty("id").GetInt64();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int daysAgo) => today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = new StringBuilder("Title,Created,Started,Done,Column\n");
        var random = new Random(20250301);
        for (var i = 1; i <= 70; i++)
        {
            var created = random.Next(14, 125);
            var started = created - random.Next(0, 8);
            // Mostly short cycle times with a long tail, like real teams.
            var done = Math.Max(1, started - (random.Next(0, 10) < 8 ? random.Next(1, 7) : random.Next(7, 20)));
            csv.Append(CultureInfo.InvariantCulture, $"Card {i},{Day(created)},{Day(started)},{Day(done)},\n");
        }
        csv.Append(CultureInfo.InvariantCulture, $"Checkout redesign,{Day(40)},{Day(35)},{Day(27)},\n");
        csv.Append(CultureInfo.InvariantCulture, $"Stuck on a vendor,{Day(45)},{Day(30)},,Review\n");
        foreach (var (title, started, column) in new[] { ("Payment retries", 2, "In progress"), ("Gift cards", 5, "In progress"), ("Address lookup", 1, "Review"), ("Refund emails", 12, "In progress") })
            csv.Append(CultureInfo.InvariantCulture, $"{title},{Day(started + 3)},{Day(started)},,{column}\n");
        foreach (var (title, column) in new[] { ("Wishlist", "Backlog"), ("Saved carts", "Backlog"), ("Coupon stacking", "Ready") })
            csv.Append(CultureInfo.InvariantCulture, $"{title},{Day(6)},,,{column}\n");

        var import = await api.PostAsync($"/api/v1/projects/{id}/agile/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        return id;
    }
}
