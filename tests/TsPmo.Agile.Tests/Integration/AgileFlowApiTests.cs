using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace TsPmo.Agile.Tests;

/// <summary>Import, metrics and forecasts of the Agile module over HTTP, with answers worked out by hand.</summary>
public sealed class AgileFlowApiTests
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>
    /// 26 complete weeks, each with exactly 3 cards created on the Friday before, started on Monday, done on Tuesday:
    /// every cycle time is 1 day, every lead time 4 days, every week's throughput 3.
    /// </summary>
    private static string SteadyHistory()
    {
        var csv = new StringBuilder("Title,Created,Started,Done\n");
        for (var w = 1; w <= 26; w++)
        {
            var monday = Monday(Today).AddDays(-7 * w);
            for (var i = 0; i < 3; i++)
                csv.Append($"Card {w}-{i},{monday.AddDays(-3):yyyy-MM-dd},{monday:yyyy-MM-dd},{monday.AddDays(1):yyyy-MM-dd}\n");
        }
        return csv.ToString();
    }

    private static async Task<(TsPmoFactory, HttpClient, long)> ProjectAsync()
    {
        var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Flow", code = "FLW-1", methodology = "agile" })).JsonAsync()).GetProperty("id").GetInt64();
        return (factory, api, id);
    }

    [Fact]
    public async Task Import_then_metrics_and_forecasts_match_the_hand_computed_answers()
    {
        var (factory, api, id) = await ProjectAsync();
        using var _ = factory;

        var imported = await api.PostAsync($"/api/v1/projects/{id}/agile/import", new StringContent(SteadyHistory(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(78, (await imported.JsonAsync()).GetProperty("imported").GetInt32());

        var metrics = await (await api.GetAsync($"/api/v1/projects/{id}/agile/metrics")).JsonAsync();
        Assert.Equal(1.0, metrics.GetProperty("cycleTime").GetProperty("p85").GetDouble(), 3);
        Assert.Equal(4.0, metrics.GetProperty("leadTime").GetProperty("p50").GetDouble(), 3);
        var weeks = metrics.GetProperty("throughput").EnumerateArray().Select(w => w.GetProperty("count").GetInt32()).ToList();
        Assert.True(weeks.Count(c => c == 3) >= 25, string.Join(",", weeks));

        // Constant throughput of 3 a week: 6 items take exactly 2 weeks at every confidence.
        var when = await (await api.GetAsync($"/api/v1/projects/{id}/agile/forecast?items=6")).JsonAsync();
        var expected = Today.AddDays(14).ToString("yyyy-MM-dd");
        Assert.Equal(expected, when.GetProperty("p50").GetString());
        Assert.Equal(expected, when.GetProperty("p95").GetString());

        // And by a date 4 weeks out: exactly 12 items.
        var by = Today.AddDays(28).ToString("yyyy-MM-dd");
        var count = await (await api.GetAsync($"/api/v1/projects/{id}/agile/forecast?by={by}")).JsonAsync();
        Assert.Equal(12, count.GetProperty("p85").GetInt32());
    }

    [Fact]
    public async Task A_bad_row_refuses_the_whole_file_with_row_errors()
    {
        var (factory, api, id) = await ProjectAsync();
        using var _ = factory;
        var csv = "Title,Created,Started,Done\nFine,2026-01-05,2026-01-06,2026-01-08\nBackwards,2026-02-10,,2026-02-01\nBad date,2026-13-45,,\n";

        var response = await api.PostAsync($"/api/v1/projects/{id}/agile/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("row 3", out var row3), errors.ToString());
        Assert.True(errors.TryGetProperty("row 4", out var row4), errors.ToString());
        Assert.Contains("2026-13-45", row4[0].GetString());
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM agile_card"));
    }

    [Fact]
    public async Task Forecast_without_history_says_so_and_bad_questions_are_400()
    {
        var (factory, api, id) = await ProjectAsync();
        using var _ = factory;
        await api.PostAsJsonAsync($"/api/v1/projects/{id}/agile/cards", new { title = "Only card" });

        var when = await (await api.GetAsync($"/api/v1/projects/{id}/agile/forecast")).JsonAsync();
        Assert.Contains("not enough history", when.GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"/api/v1/projects/{id}/agile/forecast?items=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"/api/v1/projects/{id}/agile/forecast?by=2001-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsJsonAsync($"/api/v1/projects/{id}/agile/settings", new { trials = 5, historyWeeks = 26 })).StatusCode);
    }
}
