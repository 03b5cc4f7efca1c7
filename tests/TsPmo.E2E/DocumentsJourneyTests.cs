using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TsPmo.Sdk.Data;

namespace TsPmo.E2E;

/// <summary>A charter from the template to a second revision and its changes, in a real browser, with axe checks.</summary>
public sealed class DocumentsJourneyTests
{
    [Fact]
    public async Task A_charter_is_written_from_the_template_revised_and_compared()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        await session.SignInAsync();
        // The projects API is not part of this feature: the project is a row.
        await using (var connection = await session.Server.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync())
            await connection.ExecuteAsync("""
                INSERT INTO core_project (id, code, name, methodology_id, created_at, updated_at)
                VALUES (1, 'CRM', 'Customer portal', 'scrum', '2025-01-01T00:00:00.0000000Z', '2025-01-01T00:00:00.0000000Z')
                """);

        await page.GotoAsync("/Projects/1/Documents");
        await page.GetByLabel("Title").FillAsync("Project charter");
        await page.GetByLabel("Kind").SelectOptionAsync("Charter");
        await Assertions.Expect(page.GetByLabel("Start from the template")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create document" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("created from the charter template");
        await session.AssertAccessibleAsync();

        var text = page.GetByLabel("Text (Markdown)");
        var template = await text.InputValueAsync();
        Assert.Contains("## Objectives", template);
        await text.FillAsync(template.Replace("_Why this project exists: the problem or opportunity, who has it, and what happens if nothing is done._",
            "Customers cannot see their orders online, so **40%** of support calls ask for an order's status."));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as revision 2.");
        await Assertions.Expect(page.Locator(".markdown strong").First).ToHaveTextAsync("40%");
        await Assertions.Expect(page.Locator(".markdown table").First).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("document");

        await page.GetByRole(AriaRole.Link, new() { Name = "Changes in revision 2" }).ClickAsync();
        await Assertions.Expect(page.Locator("caption")).ToContainTextAsync("1 line(s) added, 1 line(s) removed");
        await Assertions.Expect(page.Locator("tr.diff-ins")).ToContainTextAsync("40%");
        await Assertions.Expect(page.GetByLabel("Older revision")).ToHaveValueAsync("1");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("document-diff");

        await page.GotoAsync("/Projects/1/Documents");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Project charter" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("documents");
    }
}
