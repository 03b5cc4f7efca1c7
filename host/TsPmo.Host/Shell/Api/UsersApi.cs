using TsPmo.Core.Modules;
using System.Security.Claims;
using TsPmo.Core.Accounts;
using TsPmo.Host.Shell.Security;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Shell.Api;

/// <summary>
/// Accounts: <c>/api/v1/users</c> for administrators, <c>/api/v1/me/password</c> for everyone. Errors are the
/// service's exceptions, turned into problems by <see cref="ProblemExceptionHandler"/>.
/// </summary>
public static class UsersApi
{
    public sealed record NewUserRequest(string? Email, string? DisplayName, string? Role, string? Password);

    /// <summary>Role and active state; the version (or an <c>If-Match</c> header) is the one the edit was made on.</summary>
    public sealed record UserUpdateRequest(string? Role, bool? Active, long? Version);

    public sealed record PasswordResetRequest(string? Password);

    public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

    /// <summary>An account as the API shows it: never the hash, nor the stamp.</summary>
    public sealed record UserResponse(long Id, string Email, string DisplayName, string Role, bool Active, bool Locked,
        DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, long Version)
    {
        public static UserResponse From(UserAccount u, DateTimeOffset now) =>
            new(u.Id, u.Email, u.DisplayName, u.Role, u.IsActive, u.IsLocked(now),
                u.IsLocked(now) ? Max(u.LockedUntil, u.ClientLockedUntil) : null, u.CreatedAt, u.Version);

        private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
    }

    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequirePermission(CorePermissions.ManageUsers);

        users.MapGet("/", async (UserStore store, TimeProvider time, CancellationToken ct) =>
            (await store.ListAsync(ct)).Select(u => UserResponse.From(u, time.GetUtcNow())).ToList())
            .ProducesProblem(403);

        users.MapGet("/{id:long}", async (long id, UserStore store, TimeProvider time, CancellationToken ct) =>
            UserResponse.From(await store.FindAsync(id, ct) ?? throw new NotFoundException("User", id.ToString()), time.GetUtcNow()))
            .ProducesProblem(403).ProducesProblem(404);

        users.MapPost("/", async (NewUserRequest? request, AccountService accounts, TimeProvider time, CancellationToken ct) =>
            {
                if (request is null) throw new DomainValidationException("", "Send the account as JSON: email, displayName, role, password.");
                var user = await accounts.CreateAsync(request.Email, request.DisplayName, request.Role, request.Password, ct);
                return TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(user, time.GetUtcNow()));
            })
            .ProducesValidationProblem().ProducesProblem(403);

        users.MapPut("/{id:long}", async (long id, UserUpdateRequest? request, HttpRequest http, AccountService accounts, UserStore store,
                TimeProvider time, CancellationToken ct) =>
            {
                var version = request?.Version ?? IfMatch(http)
                    ?? throw new DomainValidationException("version", "Send the version of the account you edited (a \"version\" field or an If-Match header), as read from GET /users/{id}.");
                if (request?.Role is null && request?.Active is null)
                    throw new DomainValidationException("", "Send \"role\", \"active\" or both.");
                await accounts.UpdateAsync(id, version, request.Role, request.Active, ct);
                return UserResponse.From((await store.FindAsync(id, ct))!, time.GetUtcNow());
            })
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        users.MapPost("/{id:long}/unlock", async (long id, AccountService accounts, CancellationToken ct) =>
            {
                await accounts.UnlockAsync(id, ct);
                return TypedResults.NoContent();
            })
            .ProducesProblem(403).ProducesProblem(404);

        users.MapPost("/{id:long}/password", async (long id, PasswordResetRequest? request, AccountService accounts, CancellationToken ct) =>
            {
                await accounts.ResetPasswordAsync(id, request?.Password, ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        api.MapPost("/me/password", async (PasswordChangeRequest? request, ClaimsPrincipal principal, HttpContext http, AccountService accounts, CancellationToken ct) =>
            {
                var userId = UserPrincipal.UserId(principal) ?? throw new AccessDeniedException("Sign in first.");
                await accounts.ChangePasswordAsync(userId, request?.CurrentPassword, request?.NewPassword, ClientAddress.Of(http), ct);
                return TypedResults.NoContent();
            })
            .WithMetadata(new CredentialEndpointAttribute())
            .WithTags("Users")
            .ProducesValidationProblem().ProducesProblem(429);
    }

    private static long? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        value = value.Trim('"');
        return long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
