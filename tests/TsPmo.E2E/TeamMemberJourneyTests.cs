using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TsPmo.Core.Accounts;

namespace TsPmo.E2E;

/// <summary>
/// A developer who is a Member of two Private projects does their own work in a real browser — moves their Kanban card,
/// updates their Scrum item — while someone who is not on those projects finds nothing at their addresses.
/// </summary>
public sealed class TeamMemberJourneyTests
{
    private const string Password = "member-password-1";

    [Fact]
    public async Task A_member_moves_their_card_and_updates_their_item_and_an_outsider_finds_nothing()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        using var api = await AdminApiAsync(session.Server);
        var devUser = await AccountAsync(session.Server, "dev@example.com", "Dana Developer", "Member");
        await AccountAsync(session.Server, "other@example.com", "Olli Other", "Member");
        var dev = await IdAsync(api.PostAsJsonAsync("/api/v1/people", new { name = "Dana Developer", email = "dev@example.com", userId = devUser }));
        var kanban = await IdAsync(api.PostAsJsonAsync("/api/v1/projects", new { name = "Support desk", code = "SUP-7", methodology = "agile", visibility = "Private" }));
        var scrum = await IdAsync(api.PostAsJsonAsync("/api/v1/projects", new { name = "Customer portal", code = "CP-7", methodology = "scrum", visibility = "Private" }));
        foreach (var project in new[] { kanban, scrum })
            (await api.PostAsJsonAsync($"/api/v1/projects/{project}/members", new { personId = dev, role = "Member" })).EnsureSuccessStatusCode();
        await IdAsync(api.PostAsJsonAsync($"/api/v1/projects/{kanban}/agile/cards", new { title = "Reset passwords without a ticket", assigneeId = dev, estimateHours = 6 }));
        var item = await IdAsync(api.PostAsJsonAsync($"/api/v1/projects/{scrum}/scrum/items", new { title = "Sign in with the company account", type = "Story", points = 5, assigneeId = dev }));

        await session.SignInAsync("dev@example.com", Password);
        await page.GotoAsync($"/Projects/{kanban}/Agile/Board");
        var ready = page.Locator(".kanban-cell[data-column='Ready'][data-lane='Standard']");
        await page.Locator(".kanban-card", new() { HasText = "Reset passwords without a ticket" }).DragToAsync(ready);
        await Assertions.Expect(ready.Locator(".kanban-card")).ToHaveCountAsync(1);
        // A member works on cards; the board's columns are the managers' to change.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Import history" })).ToHaveCountAsync(0);
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("member-moves-card");
        await page.SetViewportSizeAsync(390, 844);
        await session.ScreenshotAsync("member-moves-card-390");
        await page.SetViewportSizeAsync(1280, 800);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".kanban-cell[data-column='Ready'][data-lane='Standard'] .kanban-card")).ToHaveCountAsync(1);

        await page.GotoAsync($"/Projects/{scrum}/Scrum/Items/{item}");
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "In progress" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("saved");
        await page.GotoAsync($"/Projects/{scrum}/Scrum/Items/{item}");
        await Assertions.Expect(page.GetByLabel("Status")).ToHaveValueAsync("InProgress");
        // Deleting is the managers' call: the section is not offered.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete item" })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("member-updates-item");

        // Someone who is not on these projects: not in the portfolio, and a 404 at their addresses.
        await page.Context.ClearCookiesAsync();
        await session.SignInAsync("other@example.com", Password);
        await page.GotoAsync("/Projects");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Customer portal");
        var response = await page.GotoAsync($"/Projects/{scrum}/Scrum/Items/{item}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Sign in with the company account");
        Assert.Equal(404, (await page.GotoAsync($"/Projects/{kanban}/Agile/Board"))!.Status);
        await session.ScreenshotAsync("outsider-private-project-404");
    }

    private static async Task<HttpClient> AdminApiAsync(AppServer server)
    {
        var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = AppServer.AdminEmail, password = AppServer.AdminPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        return http;
    }

    private static async Task<long> AccountAsync(AppServer server, string email, string name, string role)
    {
        using var scope = server.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, name, role, Password)).Id;
    }

    private static async Task<long> IdAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }
}
