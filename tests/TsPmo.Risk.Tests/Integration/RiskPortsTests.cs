using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Ports.Reporting;

namespace TsPmo.Risk.Tests;

/// <summary>What the Risk module tells the rest of TsPmo through the SDK ports.</summary>
public sealed class RiskPortsTests
{
    [Fact]
    public async Task Signals_widget_status_section_and_the_closing_handler_report_the_projects_risks()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Payments", code = "PAY-9", methodology = "agile" })).JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks",
            new { title = "Card scheme certification fails", category = "Compliance", probability = 4, impact = 5 })).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var signals = new List<HealthSignal>();
            foreach (var source in scope.ServiceProvider.GetRequiredService<IEnabledContributions<IHealthSignalSource>>().All)
                signals.AddRange(await source.GetSignalsAsync(id));
            var high = Assert.Single(signals, s => s.Name == "Open high risks");
            Assert.Equal(Rag.Red, high.Rag); // 4 × 5 = 20: Critical in the default matrix

            var section = scope.ServiceProvider.GetRequiredService<IEnabledContributions<IStatusReportSection>>().All.Single(s => s.Title == "Risks");
            Assert.Contains("Card scheme certification fails", await section.RenderMarkdownAsync(id));
        }

        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var home = await browser.GetStringAsync("/");
        Assert.Contains("Card scheme certification fails", home);
        Assert.Contains("early warning(s)", home); // a critical risk without an owner

        // The warning job announces each warning once in the project's activity feed.
        // The host runs declared jobs; "run now" goes through the same enabled check, lease and fault capture.
        var jobs = factory.Services.GetRequiredService<TsPmo.Host.Shell.Plugins.RecurringJobRunner>();
        Assert.Equal(TsPmo.Host.Shell.Plugins.RecurringJobRunner.Outcome.Ran, await jobs.RunNowAsync("risk.warning-feed"));
        var once = await factory.ScalarAsync("SELECT COUNT(*) FROM risk_warning_seen");
        Assert.True(once > 0);
        Assert.Equal(TsPmo.Host.Shell.Plugins.RecurringJobRunner.Outcome.Ran, await jobs.RunNowAsync("risk.warning-feed"));
        Assert.Equal(once, await factory.ScalarAsync("SELECT COUNT(*) FROM risk_warning_seen"));
        Assert.Contains("early warning", await browser.GetStringAsync($"/Projects/{id}/Activity"));

        foreach (var to in new[] { "Planning", "Execution", "Closing" })
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to })).StatusCode);
        Assert.Contains("entered Closing with 1 open high risk(s)", await browser.GetStringAsync($"/Projects/{id}/Activity"));
    }
}
