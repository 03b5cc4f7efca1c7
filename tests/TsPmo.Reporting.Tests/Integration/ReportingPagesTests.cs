using System.Net;
using System.Net.Http.Json;

namespace TsPmo.Reporting.Tests;

/// <summary>The Reporting pages: the home-page dashboard for PMO and Admin only, the full report, the drill-down, a project's tab.</summary>
public sealed class ReportingPagesTests
{
    [Fact]
    public async Task Pmo_sees_the_dashboard_on_the_home_page_and_a_member_does_not()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Ledger rewrite", code = "LED-1", methodology = "agile", targetDate = "2026-01-31" })).JsonAsync())
            .GetProperty("id").GetInt64();
        await factory.UserAsync("pmo@example.com", "PMO");
        await factory.UserAsync("member@example.com", "Member");

        var pmo = factory.CreateBrowserClient();
        await pmo.SignInAsync("pmo@example.com", PeopleSeed.Password);
        var home = await pmo.GetStringAsync("/");
        Assert.Contains("Portfolio KPIs", home);
        Assert.Contains("Portfolio health", home);
        Assert.Contains("Projects by phase and methodology", home);
        Assert.Contains("/Reporting/Projects?health=Red", home);

        var member = factory.CreateBrowserClient();
        await member.SignInAsync("member@example.com", PeopleSeed.Password);
        Assert.DoesNotContain("Portfolio KPIs", await member.GetStringAsync("/"));

        var report = await pmo.GetStringAsync("/Reporting");
        Assert.Contains("On-time delivery", report);
        var drill = await pmo.GetStringAsync("/Reporting/Projects?health=Red");
        Assert.Contains("Ledger rewrite", drill);
        Assert.Contains("1 project(s)", drill);
        var bad = await pmo.GetAsync("/Reporting/Projects?health=Purple");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("is not a health", await bad.Content.ReadAsStringAsync());

        var tab = await pmo.GetStringAsync($"/Projects/{id}/Reporting");
        Assert.Contains("Target date", tab);
        Assert.Contains("Override the health", tab);

        // Generate from the page; the new version opens, with its downloads.
        var generated = await pmo.PostFormAsync($"/Projects/{id}/Reporting", $"/Projects/{id}/Reporting?handler=Generate", ("Summary", "Cut-over planned for March."));
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var reportUrl = generated.Headers.Location!.OriginalString;
        Assert.Contains("Cut-over planned for March.", await pmo.GetStringAsync(reportUrl));
        var md = await pmo.GetAsync(reportUrl + "?handler=Markdown");
        Assert.Equal("text/markdown", md.Content.Headers.ContentType!.MediaType);
        var print = await pmo.GetStringAsync(reportUrl + "?handler=Print");
        Assert.Contains("@media print", print);

        // An override without a comment stays on the form with its message.
        var refused = await pmo.PostFormAsync($"/Projects/{id}/Reporting", $"/Projects/{id}/Reporting?handler=Override",
            ("Override.Dimension", "Schedule"), ("Override.Rag", "Amber"), ("Override.Comment", ""), ("Override.ExpiresOn", "2099-01-01"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("an override needs a comment", await refused.Content.ReadAsStringAsync());

        Assert.Contains("Ledger rewrite", await pmo.GetStringAsync("/Reporting/Pack"));
        Assert.Equal(HttpStatusCode.OK, (await pmo.GetAsync("/Reporting/PastProjects")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pmo.GetAsync("/Projects/999999/Reporting")).StatusCode);
    }

    [Fact]
    public async Task The_schedule_settings_save_a_checked_box_as_true_and_an_unchecked_one_as_false()
    {
        using var factory = new TsPmoFactory();
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        const string page = "/Admin/ModuleSettings?id=reporting";
        async Task<string?> Stored() => await factory.ScalarTextAsync("SELECT value FROM core_setting WHERE module_id = 'reporting' AND key = 'scheduleEnabled'");

        // Unchecked, only the hidden "false" is posted.
        var off = await admin.PostFormAsync(page, page, ("Values[scheduleEnabled]", "false"), ("Values[scheduleWeekday]", "Friday"), ("Values[scheduleTime]", "16:30"));
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal("false", await Stored());

        // Checked, a browser posts the box's "true" and then the hidden "false" that follows it.
        var on = await admin.PostFormAsync(page, page, ("Values[scheduleEnabled]", "true"), ("Values[scheduleEnabled]", "false"),
            ("Values[scheduleWeekday]", "Friday"), ("Values[scheduleTime]", "16:30"));
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal("true", await Stored());
        Assert.Equal("Friday", await factory.ScalarTextAsync("SELECT value FROM core_setting WHERE module_id = 'reporting' AND key = 'scheduleWeekday'"));
    }
}
