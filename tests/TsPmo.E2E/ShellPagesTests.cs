using Microsoft.Playwright;

namespace TsPmo.E2E;

/// <summary>The shell's pages in a real browser: dashboard widget, a module's pages, users, tokens, settings.</summary>
public sealed class ShellPagesTests
{
    [Fact]
    public async Task Announcement_posted_in_the_module_shows_on_the_dashboard_and_pages_are_accessible()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        await session.SignInAsync();

        await page.GotoAsync("/Announcements");
        await page.GetByText("Post an announcement").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Give the announcement a title")).ToBeVisibleAsync();
        await page.GetByLabel("Title").FillAsync("Change freeze from 18 December");
        await page.GetByLabel("Text (Markdown)").FillAsync("No production deployments **18 Dec – 4 Jan**.\n\n| Team | On call |\n|---|---|\n| Platform | Ana |\n\n[sneaky](javascript:alert(1))");
        await page.GetByLabel("Pin to the top").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The announcement was posted.");
        var article = page.Locator("article.announcement").First;
        await Assertions.Expect(article.Locator("strong")).ToHaveTextAsync("18 Dec – 4 Jan");
        await Assertions.Expect(article.Locator("table")).ToBeVisibleAsync();
        Assert.Equal(0, await article.Locator("a[href^='javascript']").CountAsync());
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("announcements");

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change freeze from 18 December" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("home");

        await page.GotoAsync("/Admin/ModuleSettings?id=announcements");
        await page.GetByLabel("Announcements on the dashboard").FillAsync("99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByText("must be between 1 and 10")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await page.GetByLabel("Announcements on the dashboard").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("settings saved");

        await page.GotoAsync("/Admin/Users");
        await page.GetByLabel("Name").FillAsync("Pat Manager");
        await page.GetByLabel("Email").FillAsync("pat@example.com");
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("ProjectManager");
        await page.GetByLabel("Initial password").FillAsync("pat-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Pat Manager can now sign in");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("admin-users");

        await page.GotoAsync("/Account/Tokens");
        await page.GetByLabel("Name").FillAsync("Reporting script");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secret = await page.GetByLabel("New token").InputValueAsync();
        Assert.StartsWith("tspmo_", secret);
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("api-tokens");
    }

    [Fact]
    public async Task Navigation_works_from_the_keyboard()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        await session.SignInAsync();

        // The first Tab reaches the skip link, which moves focus to the content.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();

        // The Admin menu opens and follows from the keyboard.
        var admin = page.GetByRole(AriaRole.Button, new() { Name = "Admin", Exact = true });
        await admin.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Modules" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Admin/Modules");
    }
}
