using Microsoft.Playwright;

namespace TsPmo.E2E;

/// <summary>Changing one's password in a real browser, and the admin's reset and unlock controls.</summary>
public sealed class AccountSecurityJourneyTests
{
    [Fact]
    public async Task A_user_changes_their_password_with_messages_next_to_the_fields_and_signs_in_with_the_new_one()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        await session.SignInAsync();

        await page.GotoAsync("/Admin/Users");
        await Assertions.Expect(page.GetByLabel($"New password for Administrator")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("admin-users-reset");

        await page.GetByRole(AriaRole.Button, new() { Name = "Administrator (account menu)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();
        await page.GetByLabel("Current password").FillAsync("not-my-password");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("a-new-password-42");
        await page.GetByLabel("Repeat the new password").FillAsync("a-new-password-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#current-password-error")).ToHaveTextAsync("The current password is not correct.");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("change-password-error");

        await page.GetByLabel("Current password").FillAsync(AppServer.AdminPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("a-new-password-42");
        await page.GetByLabel("Repeat the new password").FillAsync("a-new-password-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password was changed.");
        await session.ScreenshotAsync("change-password-done");

        await page.GetByRole(AriaRole.Button, new() { Name = "Administrator (account menu)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Account/Login");
        await session.SignInAsync(AppServer.AdminEmail, "a-new-password-42");
    }
}
