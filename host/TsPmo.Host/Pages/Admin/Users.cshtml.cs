using TsPmo.Core.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Accounts;
using TsPmo.Host.Shell.Navigation;
using TsPmo.Sdk.Web;
using TsPmo.Host.Shell.Security;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Pages.Admin;

[Authorize(Policy = CorePermissions.ManageUsers)]
public sealed class UsersModel(UserStore users, AccountService accounts, TimeProvider time) : PageModel
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public IReadOnlyList<UserAccount> Users { get; private set; } = [];
    public DateTimeOffset Now => time.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct) => Users = await users.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        try
        {
            var user = await accounts.CreateAsync(Input.Email, Input.DisplayName, Input.Role, Input.Password, ct);
            TempData.Success($"{user.DisplayName} can now sign in as {user.Email}.");
            return RedirectToPage();
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
            await OnGetAsync(ct);
            return Page();
        }
    }

    public Task<IActionResult> OnPostRoleAsync(long id, string role, long version, CancellationToken ct) =>
        Change(() => accounts.ChangeRoleAsync(id, role, version, ct), "The role was changed.");

    public Task<IActionResult> OnPostUnlockAsync(long id, CancellationToken ct) =>
        Change(() => accounts.UnlockAsync(id, ct), "The account was unlocked: it can sign in again from every address.");

    /// <summary>A bad new password is shown next to that user's field, with the rest of the page as it was.</summary>
    public async Task<IActionResult> OnPostResetAsync(long id, string? newPassword, CancellationToken ct)
    {
        try
        {
            var user = await accounts.ResetPasswordAsync(id, newPassword, ct);
            TempData.Success($"The password of {user.DisplayName} was reset; their sessions were signed out.");
            return RedirectToPage();
        }
        catch (DomainValidationException ex)
        {
            ResetErrorFor = id;
            ResetError = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
            await OnGetAsync(ct);
            return Page();
        }
        catch (NotFoundException ex)
        {
            TempData.Error(ex.Message);
            return RedirectToPage();
        }
    }

    public long? ResetErrorFor { get; private set; }
    public string? ResetError { get; private set; }

    public Task<IActionResult> OnPostActiveAsync(long id, bool active, long version, CancellationToken ct) =>
        Change(() => accounts.SetActiveAsync(id, active, version, ct), active ? "The account was reactivated." : "The account was deactivated; it is signed out everywhere.");

    private async Task<IActionResult> Change(Func<Task> change, string success)
    {
        try
        {
            await change();
            TempData.Success(success);
        }
        catch (Exception ex) when (ex is DomainValidationException or ConcurrencyConflictException or NotFoundException)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToPage();
    }

    public sealed class NewUserInput
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Name")]
        public string DisplayName { get; set; } = "";
        public string Email { get; set; } = "";
        public string Role { get; set; } = Roles.Member;

        [System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.Password)]
        [System.ComponentModel.DataAnnotations.Display(Name = "Initial password")]
        public string Password { get; set; } = "";
    }
}
