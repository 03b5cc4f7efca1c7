using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace TsPmo.Risk.Tests;

/// <summary>
/// The home page's "Top risks" widget reads the five highest residual risks from the database, and the portfolio's
/// early warnings are cached under a change stamp (last audit id, last risk/action/assessment ids, today): an edit
/// or a new day shows on the next request.
/// </summary>
public sealed class RiskWidgetCacheTests
{
    private sealed class MovableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class TimedFactory(MovableTime time) : TsPmoFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time));
        }
    }

    private static async Task<long> RiskAsync(HttpClient api, long projectId, object risk)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/risk/risks", risk);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task The_widget_shows_the_five_live_risks_with_the_highest_residual_score_then_score()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Ledger", code = "LED-1", methodology = "agile" })).JsonAsync()).GetProperty("id").GetInt64();

        // (title, probability, impact, residual probability, residual impact) → residual score, score
        await RiskAsync(api, id, new { title = "Mitigated-alpha", category = "Technical", probability = 5, impact = 5, residualProbability = 1, residualImpact = 1 }); // 1, 25
        await RiskAsync(api, id, new { title = "Raw-bravo", category = "Technical", probability = 4, impact = 4 });                                                    // 16, 16
        await RiskAsync(api, id, new { title = "Partial-charlie", category = "Technical", probability = 5, impact = 4, residualProbability = 4, residualImpact = 4 }); // 16, 20
        await RiskAsync(api, id, new { title = "Raw-delta", category = "Technical", probability = 3, impact = 3 });                                                    // 9
        await RiskAsync(api, id, new { title = "Raw-echo", category = "Technical", probability = 2, impact = 5 });                                                     // 10
        await RiskAsync(api, id, new { title = "Raw-foxtrot", category = "Technical", probability = 2, impact = 2 });                                                  // 4
        await RiskAsync(api, id, new { title = "Raw-golf", category = "Technical", probability = 1, impact = 2 });                                                     // 2
        var closed = await RiskAsync(api, id, new { title = "Closed-hotel", category = "Technical", probability = 5, impact = 5 });                                   // 25, closed
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks/{closed}/close", new { version = 1 })).StatusCode);

        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var home = await browser.GetStringAsync("/");
        var start = home.IndexOf("Live risks by residual score", StringComparison.Ordinal);
        Assert.True(start >= 0, "the Top risks table is on the home page");
        var table = home[start..home.IndexOf("</table>", start, StringComparison.Ordinal)];

        var expected = new[] { "Partial-charlie", "Raw-bravo", "Raw-echo", "Raw-delta", "Raw-foxtrot" };
        var positions = expected.Select(t => table.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order().ToList(), positions); // residual score first, then the inherent score breaks the tie
        foreach (var left in new[] { "Raw-golf", "Mitigated-alpha", "Closed-hotel" })
            Assert.DoesNotContain(left, table);
    }

    [Fact]
    public async Task The_cached_portfolio_warnings_follow_edits_and_the_day()
    {
        var time = new MovableTime(new DateTimeOffset(2026, 11, 27, 23, 55, 0, TimeSpan.Zero)); // the organization is on UTC
        using var factory = new TimedFactory(time);
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Ledger", code = "LED-2", methodology = "agile" })).JsonAsync()).GetProperty("id").GetInt64();
        var riskId = await RiskAsync(api, id, new { title = "Quiet risk", category = "Technical", probability = 2, impact = 2 });

        async Task<List<string>> KindsAsync()
        {
            var warnings = await (await api.GetAsync("/api/v1/risk/warnings")).JsonAsync();
            return warnings.EnumerateArray().Where(w => w.GetProperty("riskId").GetInt64() == riskId).Select(w => w.GetProperty("kind").GetString()!).Order().ToList();
        }

        Assert.Empty(await KindsAsync()); // low, reviewed today, no action

        // An action due today is not overdue…
        var action = await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks/{riskId}/actions", new { title = "Load test", dueDate = "2026-11-27" });
        Assert.Equal(HttpStatusCode.Created, action.StatusCode);
        var actionId = (await action.JsonAsync()).GetProperty("id").GetInt64();
        Assert.Empty(await KindsAsync());

        // …and is after midnight, without any edit, six minutes later (well within the cache's maximum age): the
        // organization's today is part of the stamp.
        time.Now = time.Now.AddMinutes(6);
        Assert.Equal(["OverdueAction"], await KindsAsync());

        // An update behind the API (no audit entry, no new row) is not seen: the answer is the cached one…
        await factory.ScalarAsync("UPDATE risk_action SET due_date = '2026-12-31' WHERE id = @actionId", new { actionId });
        Assert.Equal(["OverdueAction"], await KindsAsync());

        // …until an audited edit moves the stamp: a reassessment to a higher score warns "score rose" on the next request.
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/risk/risks/{riskId}", new { probability = 3, version = 1 })).StatusCode);
        Assert.Equal(["ScoreRose"], await KindsAsync());

        // Reassessing down clears the warning again.
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/risk/risks/{riskId}", new { probability = 1, version = 2 })).StatusCode);
        Assert.Empty(await KindsAsync());

        // A module setting the rules read is audited too: a shorter review period warns at once.
        time.Now = time.Now.AddDays(3);
        Assert.Empty(await KindsAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TsPmo.Sdk.Modules.IModuleSettings>().SetAsync("risk", "reviewDays", "2");
        Assert.Equal(["NotReviewed"], await KindsAsync());
    }
}
