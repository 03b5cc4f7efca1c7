using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace TsPmo.Reporting.Tests;

/// <summary>
/// Scheduled status reports, driven by a fixed <see cref="TimeProvider"/>: Monday 07:05 (the default slot is Monday
/// 07:00, UTC here), the job wakes every second and generates one report per active project for the slot, once.
/// </summary>
public sealed class ReportingScheduleTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class ScheduledFactory(FixedTime time) : TsPmoFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Jobs:reporting.scheduler:FirstRunAfterSeconds", "0");
            builder.UseSetting("Jobs:reporting.scheduler:IntervalSeconds", "1");
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time));
        }
    }

    [Fact]
    public async Task The_weekly_reports_are_generated_once_per_project_per_slot()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 11, 30, 7, 5, 0, TimeSpan.Zero)); // a Monday
        using var factory = new ScheduledFactory(time);
        var api = await factory.CreateAdminApiAsync();
        var ids = new List<long>();
        foreach (var code in new[] { "SCH-1", "SCH-2" })
            ids.Add((await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Project " + code, code, methodology = "agile" })).JsonAsync()).GetProperty("id").GetInt64());

        async Task<long> ScheduledCount() => await factory.ScalarAsync("SELECT COUNT(*) FROM reporting_status_report WHERE generated_by = 'scheduled'");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await ScheduledCount() < 2 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(2, await ScheduledCount());

        // More wake-ups in the same slot add nothing: run the job twice more, as its loop would, instead of sleeping.
        var jobs = factory.Services.GetRequiredService<TsPmo.Host.Shell.Plugins.RecurringJobRunner>();
        for (var i = 0; i < 2; i++) Assert.Equal(TsPmo.Host.Shell.Plugins.RecurringJobRunner.Outcome.Ran, await jobs.RunNowAsync("reporting.scheduler"));
        Assert.Equal(2, await ScheduledCount());
        foreach (var id in ids)
        {
            var reports = await (await api.GetAsync($"/api/v1/projects/{id}/reporting/status-reports")).JsonAsync();
            var report = Assert.Single(reports.EnumerateArray());
            Assert.True(report.GetProperty("scheduled").GetBoolean());
            Assert.Equal("scheduled", report.GetProperty("generatedBy").GetString());
        }
        // The weekly metric snapshot was taken by the same job.
        Assert.True(await factory.ScalarAsync("SELECT COUNT(*) FROM reporting_metric_snapshot WHERE taken_on = '2026-11-30'") > 0);

        // A week later, the next slot.
        time.Now = time.Now.AddDays(7);
        deadline = DateTime.UtcNow.AddSeconds(20);
        while (await ScheduledCount() < 4 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(4, await ScheduledCount());
    }

    [Fact]
    public async Task Nothing_is_generated_outside_the_slot()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero)); // Thursday: Monday's slot is past its catch-up day
        using var factory = new ScheduledFactory(time);
        var api = await factory.CreateAdminApiAsync();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Quiet", code = "QUI-1", methodology = "agile" })).StatusCode);
        // Wake the job twice, as its loop would, instead of sleeping: it runs, and generates nothing outside the slot.
        var jobs = factory.Services.GetRequiredService<TsPmo.Host.Shell.Plugins.RecurringJobRunner>();
        for (var i = 0; i < 2; i++) Assert.Equal(TsPmo.Host.Shell.Plugins.RecurringJobRunner.Outcome.Ran, await jobs.RunNowAsync("reporting.scheduler"));
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM reporting_status_report"));
    }
}
