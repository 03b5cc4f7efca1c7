using Microsoft.Playwright;

namespace TsPmo.E2E;

/// <summary>The first thing an administrator does: set up, sign in, switch modules off and on.</summary>
public sealed class AdminModulesJourneyTests
{
    [Fact]
    public async Task Setup_sign_in_and_toggle_a_module_in_a_real_browser()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;

        // A fresh install sends the first visitor to setup.
        await page.GotoAsync("/");
        Assert.EndsWith("/Setup", page.Url);
        await session.AssertAccessibleAsync();
        await page.GetByLabel("Your name").FillAsync("Ada Admin");
        await page.GetByLabel("Email").FillAsync("ada@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("correct-horse-9");
        await page.GetByLabel("Repeat the password").FillAsync("correct-horse-9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await page.WaitForURLAsync("**/Admin/Modules");

        // Sign out and back in through the sign-in page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ada Admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Login");
        await session.AssertAccessibleAsync();
        await page.GetByLabel("Email").FillAsync("ada@example.com");
        await page.GetByLabel("Password").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not correct");
        await page.GetByLabel("Password").FillAsync("correct-horse-9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Announcements" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Announcements" })).ToBeVisibleAsync();

        // Admin → Modules from the menu.
        await nav.GetByRole(AriaRole.Button, new() { Name = "Admin", Exact = true }).ClickAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Modules" }).ClickAsync();
        await page.WaitForURLAsync("**/Admin/Modules");
        var row = page.Locator("tr[data-module=announcements]");
        await Assertions.Expect(row).ToContainTextAsync("Enabled");
        await session.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Disable Announcements" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Announcements is disabled.");
        await Assertions.Expect(row).ToContainTextAsync("Disabled");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Announcements" })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("admin-modules-disabled");
        var gone = await page.GotoAsync("/Announcements");
        Assert.Equal(404, gone!.Status);

        await page.GotoAsync("/Admin/Modules");
        await row.GetByRole(AriaRole.Button, new() { Name = "Enable Announcements" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Announcements is enabled.");
        await Assertions.Expect(row).ToContainTextAsync("Enabled");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Announcements" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("admin-modules");
    }
}
