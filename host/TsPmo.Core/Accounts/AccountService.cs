using System.Data.Common;
using System.Net.Mail;
using Dapper;
using Microsoft.AspNetCore.Identity;
using TsPmo.Core.Data;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Accounts;

/// <summary>Creating, signing in, and administering local accounts.</summary>
public sealed class AccountService(
    IDbConnectionFactory connections,
    IPasswordHasher<UserAccount> hasher,
    AccountPolicy policy,
    IAuditLog audit,
    TimeProvider time)
{
    // Verified against when the email is unknown, so a miss costs as long as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), Guid.NewGuid().ToString()));

    /// <summary>Creates the first administrator; refused once any active admin exists.</summary>
    public async Task<UserAccount> CreateFirstAdminAsync(string email, string displayName, string password, CancellationToken ct = default)
    {
        var input = Validate(email, displayName, Roles.Admin, password);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await UserStore.AnyAdminAsync(connection, tx))
            throw new DomainValidationException("", "An administrator already exists. Sign in instead.");
        var user = await InsertAsync(connection, tx, input, ct);
        await tx.CommitAsync(ct);
        return user;
    }

    /// <summary>Creates an admin from the environment at start, only while the database has no user at all.</summary>
    public async Task<bool> BootstrapAdminAsync(string email, string password, CancellationToken ct = default)
    {
        var input = Validate(email, "Administrator", Roles.Admin, password);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await UserStore.AnyUserAsync(connection, tx)) return false;
        await InsertAsync(connection, tx, input, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<UserAccount> CreateAsync(string email, string displayName, string role, string password, CancellationToken ct = default)
    {
        var input = Validate(email, displayName, role, password);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var user = await InsertAsync(connection, tx, input, ct);
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task<AccountSignIn> SignInAsync(string? email, string? password, CancellationToken ct = default)
    {
        var failed = new AccountSignIn(SignInOutcome.Failed, null);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || password.Length > 256) return failed;

        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var user = await UserStore.FindByEmailAsync(connection, tx, email.Trim());
        if (user is null)
        {
            hasher.VerifyHashedPassword(new UserAccount(), DummyHash.Value, password);
            return failed;
        }

        var now = time.GetUtcNow();
        if (!user.IsActive || user.LockedUntil > now) return failed;

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var count = user.FailedSignIns + 1;
            var lockUntil = count >= policy.MaxFailedSignIns ? now + policy.LockoutDuration : (DateTimeOffset?)null;
            await connection.ExecuteAsync(
                "UPDATE core_user SET failed_sign_ins = @count, locked_until = @lockUntil WHERE id = @Id",
                new { count = lockUntil is null ? count : 0, lockUntil, user.Id }, tx);
            if (lockUntil is not null)
                await audit.WriteAsync(connection, tx, new AuditEntry("core", "user", user.Id.ToString(), "locked out", null, new { until = lockUntil }), ct);
            await tx.CommitAsync(ct);
            return failed;
        }

        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password) : user.PasswordHash;
        await connection.ExecuteAsync(
            "UPDATE core_user SET failed_sign_ins = 0, locked_until = NULL, password_hash = @rehash WHERE id = @Id",
            new { rehash, user.Id }, tx);
        await tx.CommitAsync(ct);
        return new AccountSignIn(SignInOutcome.Succeeded, user with { FailedSignIns = 0, LockedUntil = null });
    }

    public Task ChangeRoleAsync(long userId, string role, long version, CancellationToken ct = default)
    {
        if (!Roles.IsKnown(role)) throw new DomainValidationException("role", $"'{role}' is not a role.");
        return UpdateAsync(userId, version, "role changed", u => u with { Role = role }, ct);
    }

    public Task SetActiveAsync(long userId, bool active, long version, CancellationToken ct = default) =>
        UpdateAsync(userId, version, active ? "reactivated" : "deactivated", u => u with { IsActive = active }, ct);

    private async Task UpdateAsync(long userId, long version, string action, Func<UserAccount, UserAccount> change, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<UserAccount>($"SELECT {UserStore.Columns} FROM core_user WHERE id = @userId", new { userId }, tx)
            ?? throw new NotFoundException("User", userId.ToString());
        if (before.Version != version) throw new ConcurrencyConflictException("User", before.Email);
        var after = change(before);

        if (before.Role == Roles.Admin && before.IsActive && (after.Role != Roles.Admin || !after.IsActive))
        {
            var otherAdmins = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM core_user WHERE role = 'Admin' AND is_active = 1 AND id <> @userId", new { userId }, tx);
            if (otherAdmins == 0)
                throw new DomainValidationException("", "This is the last active administrator: make someone else an administrator first.");
        }

        var rows = await connection.ExecuteAsync(
            "UPDATE core_user SET role = @Role, is_active = @IsActive, version = version + 1 WHERE id = @Id AND version = @version",
            new { after.Role, after.IsActive, after.Id, version }, tx);
        if (rows != 1) throw new ConcurrencyConflictException("User", before.Email);
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "user", userId.ToString(), action,
            new { before.Role, before.IsActive }, new { after.Role, after.IsActive }), ct);
        await tx.CommitAsync(ct);
    }

    private async Task<UserAccount> InsertAsync(DbConnection connection, DbTransaction tx, NewUser input, CancellationToken ct)
    {
        if (await UserStore.FindByEmailAsync(connection, tx, input.Email) is not null)
            throw new DomainValidationException("email", "An account with this email already exists.");
        var now = time.GetUtcNow();
        var user = new UserAccount { Email = input.Email, DisplayName = input.DisplayName, Role = input.Role, IsActive = true, CreatedAt = now, Version = 1 };
        user = user with { PasswordHash = hasher.HashPassword(user, input.Password) };
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO core_user (email, display_name, password_hash, role, is_active, created_at, version)
            VALUES (@Email, @DisplayName, @PasswordHash, @Role, 1, @CreatedAt, 1) RETURNING id
            """, new { user.Email, user.DisplayName, user.PasswordHash, user.Role, CreatedAt = DapperTypeHandlers.Format(now) }, tx);
        user = user with { Id = id };
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "user", id.ToString(), "created", null,
            new { user.Email, user.DisplayName, user.Role }), ct);
        return user;
    }

    private NewUser Validate(string? email, string? displayName, string? role, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        email = email?.Trim() ?? "";
        displayName = displayName?.Trim() ?? "";
        if (email.Length is 0 or > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            errors["email"] = ["Enter an email address such as name@example.com."];
        if (displayName.Length is 0 or > 100) errors["displayName"] = ["Enter a name of 1 to 100 characters."];
        if (role is null || !Roles.IsKnown(role)) errors["role"] = ["Choose one of the roles: " + string.Join(", ", Roles.All) + "."];
        if (policy.CheckPassword(password) is { } p) errors["password"] = [p];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new NewUser(email, displayName, role!, password!);
    }

    private sealed record NewUser(string Email, string DisplayName, string Role, string Password);
}
