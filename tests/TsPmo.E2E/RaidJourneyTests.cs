using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace TsPmo.E2E;

/// <summary>A project manager keeps the RAID log: an issue, an assumption (then validated) and a dependency on another project.</summary>
public sealed class RaidJourneyTests
{
    [Fact]
    public async Task Record_an_issue_an_assumption_and_a_dependency_then_validate_the_assumption()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        var id = await ProjectAsync(session.Server.BaseUrl, "Identity platform", "IDP-1");
        await ProjectAsync(session.Server.BaseUrl, "Network refresh", "NET-1");
        await session.SignInAsync();

        await page.GotoAsync($"/Projects/{id}");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Identity platform sections" }).GetByRole(AriaRole.Link, new() { Name = "RAID log" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "RAID log", Level = 1 })).ToBeVisibleAsync();

        // An issue without a title is refused next to the field; nothing is added.
        var issueForm = page.GetByRole(AriaRole.Form, new() { Name = "Add an issue" });
        await issueForm.GetByRole(AriaRole.Button, new() { Name = "Add issue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Form, new() { Name = "Add an issue" })).ToContainTextAsync("Give it a title");

        issueForm = page.GetByRole(AriaRole.Form, new() { Name = "Add an issue" });
        await issueForm.GetByLabel("Title").FillAsync("Contractors cannot sign in with SSO");
        await issueForm.GetByLabel("Severity").SelectOptionAsync("High");
        await issueForm.GetByLabel("Due date").FillAsync("2030-04-30");
        await issueForm.GetByRole(AriaRole.Button, new() { Name = "Add issue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Issue \"Contractors cannot sign in with SSO\" added.");

        var assumptionForm = page.GetByRole(AriaRole.Form, new() { Name = "Add an assumption" });
        await assumptionForm.GetByLabel("Assumption").FillAsync("The vendor's API supports SCIM 2.0");
        await assumptionForm.GetByLabel("Details").FillAsync("Stated in the sales deck; not yet tried.");
        await assumptionForm.GetByRole(AriaRole.Button, new() { Name = "Add assumption" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Assumption \"The vendor's API supports SCIM 2.0\" added.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Validate \"The vendor's API supports SCIM 2.0\"" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is validated");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Assumptions" })).ToContainTextAsync("Yes, by");

        var dependencyForm = page.GetByRole(AriaRole.Form, new() { Name = "Add a dependency" });
        await dependencyForm.GetByLabel("What is needed").FillAsync("New VPN concentrators in both data centres");
        await dependencyForm.GetByLabel("From project").SelectOptionAsync(new SelectOptionValue { Label = "NET-1 · Network refresh" });
        await dependencyForm.GetByLabel("Needed by").FillAsync("2030-03-01");
        await dependencyForm.GetByRole(AriaRole.Button, new() { Name = "Add dependency" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dependency \"New VPN concentrators in both data centres\" added.");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Dependencies" })).ToContainTextAsync("Network refresh");

        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Issues" })).ToContainTextAsync("Contractors cannot sign in with SSO");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("raid-log");

        // Resolving the issue needs its resolution; the edit page says so next to the field.
        await page.GetByRole(AriaRole.Link, new() { Name = "Contractors cannot sign in with SSO" }).ClickAsync();
        await page.GetByLabel("Status").SelectOptionAsync("Resolved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save issue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Form, new() { Name = "Edit the issue" })).ToContainTextAsync("Say how the issue was resolved");
        await session.AssertAccessibleAsync();
        await page.GetByLabel("Resolution").FillAsync("Contractor IdP federated.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save issue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Issues" })).ToContainTextAsync("Resolved");
    }

    private static async Task<long> ProjectAsync(string baseUrl, string name, string code)
    {
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var token = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { email = AppServer.AdminEmail, password = AppServer.AdminPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        var project = await (await api.PostAsJsonAsync("/api/v1/projects", new { name, code, methodology = "agile" })).Content.ReadFromJsonAsync<JsonElement>();
        return project.GetProperty("id").GetInt64();
    }
}
