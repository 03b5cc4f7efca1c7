using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TsPmo.Agile.Tests;

/// <summary>The Agile module's flow metrics page over imported history, with figures checked against hand counts.</summary>
public sealed class AgileMetricsPageTests
{
    private const string Hostile = "</script><script>alert(1)</script>";

    // Dates are whole days in the organization's zone (UTC here), so every duration is a whole number of days.
    //   cycle (done − started): 1, 2, 3, 4, 5, 6, 7, 8, 9, 12 (ten cards; the hotfix has no start)
    //     nearest rank: P50 = 5th = 5, P85 = ⌈8.5⌉ = 9th = 9, P95 = ⌈9.5⌉ = 10th = 12
    //   lead (done − created): 5, 5, 5, 7, 7, 11, 9, 15, 11, 14, 1 → sorted 1 5 5 5 7 7 9 11 11 14 15,
    //     P85 = ⌈9.35⌉ = 10th = 14
    //   throughput by Monday week over 2025-01-01..2025-03-02: Dec 30 0, Jan 6 3, Jan 13 1, Jan 20 2, Jan 27 1,
    //     Feb 3 0, Feb 10 2, Feb 17 1, Feb 24 1 → last four weeks (from Feb 3) 4
    //   in progress: "Still in progress", started 2025-02-24, older than 9 days by now.
    private const string Csv = $"""
        Title,Created,Started,Done
        Login page,2025-01-02,2025-01-06,2025-01-07
        Signup form,2025-01-03,2025-01-06,2025-01-08
        Password reset,2025-01-06,2025-01-08,2025-01-11
        Profile page,2025-01-10,2025-01-13,2025-01-17
        Avatar upload,2025-01-13,2025-01-15,2025-01-20
        Email settings,2025-01-15,2025-01-20,2025-01-26
        Audit log,2025-01-20,2025-01-22,2025-01-29
        Export to CSV,2025-01-27,2025-02-03,2025-02-11
        Search,2025-02-03,2025-02-05,2025-02-14
        {Hostile},2025-02-10,2025-02-12,2025-02-24
        Hotfix without start,2025-02-17,,2025-02-18
        Still in progress,2025-02-20,2025-02-24,
        """;

    private static async Task<(TsPmoFactory Factory, HttpClient Browser, long ProjectId)> KanbanProjectAsync(string? csv)
    {
        var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var project = await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Support flow", code = "SUP-1", methodology = "agile" })).JsonAsync();
        var id = project.GetProperty("id").GetInt64();
        if (csv is not null)
        {
            var import = await api.PostAsync($"/api/v1/projects/{id}/agile/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        }
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        return (factory, browser, id);
    }

    [Fact]
    public async Task Metrics_page_shows_hand_counted_figures_tables_and_safely_encoded_chart_data()
    {
        var (factory, browser, id) = await KanbanProjectAsync(Csv);
        using var _ = factory;

        var html = await browser.GetStringAsync($"/Projects/{id}/Agile/Metrics?from=2025-01-01&to=2025-03-02");

        Assert.Contains("<dt>Cycle time, 50th percentile</dt><dd>5.0 days</dd>", html);
        Assert.Contains("<dt>Cycle time, 85th percentile</dt><dd>9.0 days</dd>", html);
        Assert.Contains("<dt>Cycle time, 95th percentile</dt><dd>12.0 days</dd>", html);
        Assert.Contains("<dt>Lead time, 85th percentile</dt><dd>14.0 days</dd>", html);
        Assert.Matches(@"<dd>4 cards <span class=""flow-summary-note"">since 2025-02-03</span>", html);
        Assert.Matches(@"<dt>Cards in progress</dt><dd>1 <span class=""flow-summary-note"">1 older than", html);

        foreach (var canvas in new[] { "chart-cycle", "chart-throughput", "chart-cfd", "chart-aging" })
            Assert.Contains($"<canvas id=\"{canvas}\" role=\"img\"", html);
        Assert.Equal(4, Regex.Matches(html, "<figure ").Count);
        Assert.Equal(4, Regex.Matches(html, "<figcaption>").Count);
        // One table per chart in a <details>, plus the visible list of cards older than the 85th percentile.
        Assert.Equal(4, Regex.Matches(html, "<details>").Count);
        Assert.Equal(5, Regex.Matches(html, "<caption").Count);
        Assert.Contains("<th scope=\"row\" class=\"fw-normal\">2025-01-06</th><td class=\"text-end\">3</td>", html);
        Assert.Matches(@">Search</a></th>\s*<td>2025-02-14</td>\s*<td class=""text-end"">9.0</td>\s*<td class=""text-end"">11.0</td>", html);
        Assert.Contains("1 card(s) in progress for longer than the 85th percentile cycle time (9.0 days)", html);
        Assert.Contains("Still in progress</a></th><td>In progress</td>", html);
        Assert.DoesNotContain(Hostile, html);

        // The first "</script" after the data block opens must be its own end tag: then the text between parses as
        // one whole JSON document and still holds the hostile title, escaped.
        const string open = "<script type=\"application/json\" id=\"flow-data\">";
        var start = html.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, "The chart data block is missing.");
        start += open.Length;
        var block = html[start..html.IndexOf("</script", start, StringComparison.OrdinalIgnoreCase)];
        Assert.Contains("\\u003C/script\\u003E", block);
        var data = JsonDocument.Parse(block).RootElement;
        Assert.Equal(9, data.GetProperty("cycle").GetProperty("p85").GetDouble());
        Assert.Equal(10, data.GetProperty("scatter").GetArrayLength());
        Assert.Contains(data.GetProperty("scatter").EnumerateArray(), p => p.GetProperty("title").GetString() == Hostile);
        Assert.Equal(["In progress", "Review"], data.GetProperty("agingColumns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(61, data.GetProperty("cfd").GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task A_board_without_history_says_so_and_a_backwards_period_is_refused_next_to_the_field()
    {
        var (factory, browser, id) = await KanbanProjectAsync(null);
        using var _ = factory;

        var empty = await browser.GetStringAsync($"/Projects/{id}/Agile/Metrics");
        Assert.Contains("No card was finished in this period, so there is no cycle time to plot.", empty);
        Assert.Contains("No card is in progress.", empty);
        Assert.DoesNotContain("<canvas", empty);
        Assert.Contains("<dt>Cycle time, 85th percentile</dt><dd>none</dd>", empty);

        var backwards = await browser.GetStringAsync($"/Projects/{id}/Agile/Metrics?from=2025-03-01&to=2025-02-01");
        Assert.Matches(@"id=""From-error"" class=""text-danger small""><span[^>]*>The start of the period must not be after its end\.</span>", backwards);
        Assert.DoesNotContain("flow-data", backwards);
        Assert.DoesNotContain("agile-metrics.js", backwards);
    }

    [Fact]
    public async Task The_home_page_widget_counts_the_boards_cards()
    {
        var (factory, browser, _) = await KanbanProjectAsync(Csv);
        using var _ = factory;

        var html = await (await browser.GetAsync("/")).Content.ReadAsStringAsync();

        Assert.Contains("Kanban flow", html);
        Assert.DoesNotContain("could not be shown", html);
        // One card in progress ("Still in progress"); none finished in the last four weeks (the history is from 2025).
        Assert.Matches(new Regex(@"Support flow</a>\s*</t[dh]>\s*<td[^>]*>1</td>\s*<td[^>]*>0</td>\s*<td[^>]*>0</td>"), html);
    }
}
