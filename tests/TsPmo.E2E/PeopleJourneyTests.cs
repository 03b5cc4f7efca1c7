using Microsoft.Playwright;

namespace TsPmo.E2E;

/// <summary>The PMO adds a person with skills and time off, finds them by skill, and puts them on a project team.</summary>
public sealed class PeopleJourneyTests
{
    [Fact]
    public async Task Add_a_person_with_skills_and_time_off_and_find_them_by_skill()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        await session.SignInAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await page.GotoAsync("/People/New");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Priya Sharma");
        await page.GetByLabel("Job title").FillAsync("DevOps Engineer");
        await page.GetByLabel("Email").FillAsync("priya@example.com");
        await page.GetByLabel("Weekly capacity (hours)").FillAsync("32");
        await page.GetByLabel("Skill 1 name").FillAsync("Kubernetes");
        await page.GetByLabel("Skill 1 level").SelectOptionAsync("5");
        await page.GetByLabel("Skill 2 name").FillAsync("Terraform");
        await page.GetByLabel("Skill 2 level").SelectOptionAsync("4");
        await session.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Priya Sharma" })).ToBeVisibleAsync();

        await page.GetByLabel("First day away").FillAsync("2026-12-21");
        await page.GetByLabel("Last day away").FillAsync("2027-01-01");
        await page.GetByLabel("Reason (optional)").FillAsync("Winter holiday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add time off" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Winter holiday")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("person");

        await page.GotoAsync("/People?skill=Kubernetes");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Priya Sharma" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("people");
    }
}
