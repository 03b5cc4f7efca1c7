using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TsPmo.Core.Seeding;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Seeding;

namespace TsPmo.E2E;

/// <summary>The pages around a project's team and facts: members, the edit form, and a Kanban card.</summary>
public sealed class ProjectTeamJourneyTests
{
    [Fact]
    public async Task Add_a_member_edit_the_project_and_a_card()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        string name;
        await using (var scope = session.Server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortfolioSeeder>().SeedAsync(SeedSize.Demo, force: false);
            // The demo spreads projects over every enabled methodology; this journey needs a running Kanban one.
            name = (await scope.ServiceProvider.GetRequiredService<IProjectDirectory>().ListAsync())
                .First(p => p.MethodologyId == "agile" && p.Phase == "Execution").Name;
        }
        await session.SignInAsync();

        await page.GotoAsync("/Projects?q=" + Uri.EscapeDataString(name));
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        var tabs = page.GetByRole(AriaRole.Navigation, new() { Name = name + " sections" });

        await tabs.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await page.GetByLabel("Person").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Project role", new() { Exact = true }).SelectOptionAsync("Viewer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("project-members");

        await tabs.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.GetByLabel("Tags").FillAsync("cloud, platform, paved-road");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("project-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("saved");
        await Assertions.Expect(page.Locator(".project-facts")).ToContainTextAsync("paved-road");

        await tabs.GetByRole(AriaRole.Link, new() { Name = "Board" }).ClickAsync();
        await page.Locator(".kanban-card-title").First.ClickAsync();
        await page.GetByLabel("Blocked").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Say what blocks the card")).ToBeVisibleAsync();
        await page.GetByLabel("What blocks it").FillAsync("Waiting for the firewall change");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("kanban-card");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".kanban-card.blocked").First).ToContainTextAsync("Waiting for the firewall change");
    }
}
