using System.Data.Common;
using System.Net.Mail;
using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.Identity;
using TsPmo.Core.Data;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Accounts;

/// <summary>Creating, signing in, and administering local accounts.</summary>
/// <remarks>
/// Password hashes are checked outside any transaction: a hash takes tens of milliseconds of CPU, and SQLite has
/// one writer, so hashing inside a write transaction would let a burst of bad sign-ins queue every other write.
/// The outcome is then written in a short transaction of its own.
/// </remarks>
public sealed class AccountService(
    IDbConnectionFactory connections,
    IPasswordHasher<UserAccount> hasher,
    AccountPolicy policy,
    IAuditLog audit,
    TimeProvider time,
    AccountSessionCache sessions)
{
    /// <summary>The client key when the caller has no address to give (command line, tests).</summary>
    public const string LocalClient = "local";

    // Hashing is CPU-bound and slow on purpose. At most half the cores hash at once, so a flood of sign-ins waits
    // for its turn (asynchronously, holding no thread) instead of starving every other request of CPU.
    private static readonly SemaphoreSlim HashGate = new(Math.Max(1, Environment.ProcessorCount / 2));

    // Verified against when the email is unknown, so a miss costs as long as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), Guid.NewGuid().ToString()));

    /// <summary>Creates the first administrator; refused once any active admin exists.</summary>
    public async Task<UserAccount> CreateFirstAdminAsync(string email, string displayName, string password, CancellationToken ct = default)
    {
        var input = await ValidateAsync(email, displayName, Roles.Admin, password, ct);
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
        var input = await ValidateAsync(email, "Administrator", Roles.Admin, password, ct);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await UserStore.AnyUserAsync(connection, tx)) return false;
        await InsertAsync(connection, tx, input, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Creates an account and links it to the person of the directory with the same email, if any.</summary>
    public async Task<UserAccount> CreateAsync(string? email, string? displayName, string? role, string? password, CancellationToken ct = default)
    {
        var input = await ValidateAsync(email, displayName, role, password, ct);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var user = await InsertAsync(connection, tx, input, ct);
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task<AccountSignIn> SignInAsync(string? email, string? password, string client = LocalClient, CancellationToken ct = default)
    {
        var failed = new AccountSignIn(SignInOutcome.Failed, null);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || password.Length > 256) return failed;
        client = NormalizeClient(client);

        UserAccount? user;
        DateTimeOffset? clientLockedUntil;
        await using (var read = await connections.OpenAsync(ct))
        {
            user = await UserStore.FindByEmailAsync(read, null, email.Trim());
            clientLockedUntil = user is null ? null : await ClientLockAsync(read, user.Id, client);
        }

        var now = time.GetUtcNow();
        if (user is null)
        {
            await HashingAsync(() => hasher.VerifyHashedPassword(new UserAccount(), DummyHash.Value, password), ct);
            // The email is not recorded: people type their password into the wrong field.
            await AuditAsync("unknown", "sign-in failed", new { client, reason = "unknown account" }, ct);
            return failed;
        }
        if (!user.IsActive)
        {
            await AuditAsync(user.Id.ToString(), "sign-in failed", new { client, reason = "deactivated" }, ct);
            return failed;
        }
        // A locked client is refused without hashing: the lock exists to make guessing cost nothing for us.
        if (user.LockedUntil > now || clientLockedUntil > now)
        {
            await AuditAsync(user.Id.ToString(), "sign-in failed", new { client, reason = "locked" }, ct);
            return failed;
        }

        var verdict = await HashingAsync(() => hasher.VerifyHashedPassword(user, user.PasswordHash, password), ct);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(user.Id, client, now, ct);
            return failed;
        }

        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? await HashingAsync(() => hasher.HashPassword(user, password), ct) : user.PasswordHash;
        await using (var connection = await connections.OpenAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await connection.ExecuteAsync(
                "UPDATE core_user SET failed_sign_ins = 0, locked_until = NULL, password_hash = @rehash WHERE id = @Id",
                new { rehash, user.Id }, tx);
            await connection.ExecuteAsync("DELETE FROM core_sign_in_failure WHERE user_id = @Id AND client = @client", new { user.Id, client }, tx);
            await audit.WriteAsync(connection, tx, new AuditEntry("core", "user", user.Id.ToString(), "signed in", null, new { client }), ct);
            await tx.CommitAsync(ct);
        }
        sessions.Invalidate(user.Id);
        return new AccountSignIn(SignInOutcome.Succeeded, user with { FailedSignIns = 0, LockedUntil = null, ClientLockedUntil = null, PasswordHash = rehash });
    }

    /// <summary>The user changes their own password after proving the current one; every session of theirs ends.</summary>
    /// <returns>The account with its new security stamp, for re-issuing the caller's own cookie.</returns>
    public async Task<UserAccount> ChangePasswordAsync(long userId, string? currentPassword, string? newPassword, string client = LocalClient, CancellationToken ct = default)
    {
        client = NormalizeClient(client);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(currentPassword)) errors["currentPassword"] = ["Enter your current password."];
        if (policy.CheckPassword(newPassword) is { } p) errors["newPassword"] = [p];
        else if (newPassword == currentPassword) errors["newPassword"] = ["Choose a password different from the current one."];
        if (errors.Count > 0) throw new DomainValidationException(errors);

        var user = await new UserStore(connections).FindAsync(userId, ct) ?? throw new NotFoundException("User", userId.ToString());
        var now = time.GetUtcNow();
        DateTimeOffset? clientLock;
        await using (var read = await connections.OpenAsync(ct)) clientLock = await ClientLockAsync(read, user.Id, client);
        if (user.LockedUntil > now || clientLock > now)
            throw new DomainValidationException("currentPassword", "Too many wrong passwords: the account is locked for a few minutes.");
        if (currentPassword!.Length > 256
            || await HashingAsync(() => hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword), ct) == PasswordVerificationResult.Failed)
        {
            // Counted like a failed sign-in, so a stolen session cannot be used to guess the password at leisure.
            await RecordFailureAsync(user.Id, client, now, ct);
            throw new DomainValidationException("currentPassword", "The current password is not correct.");
        }
        return await SetPasswordAsync(user, newPassword!, "password changed", ct);
    }

    /// <summary>An administrator sets a new password; the account is unlocked and every session of it ends.</summary>
    public async Task<UserAccount> ResetPasswordAsync(long userId, string? newPassword, CancellationToken ct = default)
    {
        if (policy.CheckPassword(newPassword) is { } p) throw new DomainValidationException("password", p);
        var user = await new UserStore(connections).FindAsync(userId, ct) ?? throw new NotFoundException("User", userId.ToString());
        return await SetPasswordAsync(user, newPassword!, "password reset", ct);
    }

    /// <summary>Lifts the account-wide lock and the locks of every client.</summary>
    public async Task UnlockAsync(long userId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = await connection.ExecuteAsync(
            "UPDATE core_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = @userId", new { userId }, tx);
        if (rows == 0) throw new NotFoundException("User", userId.ToString());
        var clients = await connection.ExecuteAsync("DELETE FROM core_sign_in_failure WHERE user_id = @userId", new { userId }, tx);
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "user", userId.ToString(), "unlocked", null, new { clients }), ct);
        await tx.CommitAsync(ct);
        sessions.Invalidate(userId);
    }

    /// <summary>Ends every session of the user, the one signing out included.</summary>
    public async Task SignOutEverywhereAsync(long userId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = await connection.ExecuteAsync("UPDATE core_user SET security_stamp = @stamp WHERE id = @userId", new { stamp = NewStamp(), userId }, tx);
        if (rows == 0) return;
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "user", userId.ToString(), "signed out", null, null), ct);
        await tx.CommitAsync(ct);
        sessions.Invalidate(userId);
    }

    public Task ChangeRoleAsync(long userId, string role, long version, CancellationToken ct = default) =>
        UpdateAsync(userId, version, role, null, ct);

    public Task SetActiveAsync(long userId, bool active, long version, CancellationToken ct = default) =>
        UpdateAsync(userId, version, null, active, ct);

    /// <summary>Changes the role and/or the active state; a stale <paramref name="version"/> is a conflict.</summary>
    public async Task<UserAccount> UpdateAsync(long userId, long version, string? role, bool? active, CancellationToken ct = default)
    {
        if (role is not null && !Roles.IsKnown(role))
            throw new DomainValidationException("role", "Choose one of the roles: " + string.Join(", ", Roles.All) + ".");
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<UserAccount>($"SELECT {UserStore.Columns} FROM core_user WHERE id = @userId", new { userId }, tx)
            ?? throw new NotFoundException("User", userId.ToString());
        if (before.Version != version) throw new ConcurrencyConflictException("User", before.Email);
        var after = before with { Role = role ?? before.Role, IsActive = active ?? before.IsActive };
        if (after.Role == before.Role && after.IsActive == before.IsActive) return before;

        if (before.Role == Roles.Admin && before.IsActive && (after.Role != Roles.Admin || !after.IsActive))
        {
            var otherAdmins = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM core_user WHERE role = 'Admin' AND is_active = 1 AND id <> @userId", new { userId }, tx);
            if (otherAdmins == 0)
                throw new DomainValidationException("", "This is the last active administrator: make someone else an administrator first.");
        }

        // Deactivation rotates the stamp too, so reactivating later does not revive the old sessions.
        var stamp = !after.IsActive && before.IsActive ? NewStamp() : before.SecurityStamp;
        var rows = await connection.ExecuteAsync(
            "UPDATE core_user SET role = @Role, is_active = @IsActive, security_stamp = @stamp, version = version + 1 WHERE id = @Id AND version = @version",
            new { after.Role, after.IsActive, stamp, after.Id, version }, tx);
        if (rows != 1) throw new ConcurrencyConflictException("User", before.Email);
        var action = after.IsActive == before.IsActive ? "role changed" : after.IsActive ? "reactivated" : "deactivated";
        if (after.IsActive != before.IsActive && after.Role != before.Role) action += ", role changed";
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "user", userId.ToString(), action,
            new { before.Role, before.IsActive }, new { after.Role, after.IsActive }), ct);
        await tx.CommitAsync(ct);
        sessions.Invalidate(userId);
        return after with { Version = before.Version + 1, SecurityStamp = stamp };
    }

    private async Task<UserAccount> SetPasswordAsync(UserAccount user, string newPassword, string action, CancellationToken ct)
    {
        var hash = await HashingAsync(() => hasher.HashPassword(user, newPassword), ct);
        var stamp = NewStamp();
        await using (var connection = await connections.OpenAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await connection.ExecuteAsync("""
                UPDATE core_user SET password_hash = @hash, security_stamp = @stamp, failed_sign_ins = 0, locked_until = NULL
                WHERE id = @Id
                """, new { hash, stamp, user.Id }, tx);
            await connection.ExecuteAsync("DELETE FROM core_sign_in_failure WHERE user_id = @Id", new { user.Id }, tx);
            await audit.WriteAsync(connection, tx, new AuditEntry("core", "user", user.Id.ToString(), action, null, null), ct);
            await tx.CommitAsync(ct);
        }
        sessions.Invalidate(user.Id);
        return user with { PasswordHash = hash, SecurityStamp = stamp, FailedSignIns = 0, LockedUntil = null, ClientLockedUntil = null };
    }

    /// <summary>Counts a failure for the account and for the client, locking either when its threshold is reached.</summary>
    private async Task RecordFailureAsync(long userId, string client, DateTimeOffset now, CancellationToken ct)
    {
        var at = DapperTypeHandlers.Format(now);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var (failures, lockouts) = await connection.QuerySingleAsync<(int, int)>("""
            INSERT INTO core_sign_in_failure (user_id, client, failures, lockouts, locked_until, last_failed_at)
            VALUES (@userId, @client, 1, 0, NULL, @at)
            ON CONFLICT (user_id, client) DO UPDATE SET failures = core_sign_in_failure.failures + 1, last_failed_at = excluded.last_failed_at
            RETURNING failures, lockouts
            """, new { userId, client, at }, tx);
        DateTimeOffset? clientLock = null;
        if (failures >= policy.MaxFailedSignIns)
        {
            clientLock = now + policy.ClientLockout(lockouts + 1);
            await connection.ExecuteAsync(
                "UPDATE core_sign_in_failure SET failures = 0, lockouts = lockouts + 1, locked_until = @clientLock WHERE user_id = @userId AND client = @client",
                new { clientLock, userId, client }, tx);
        }
        var accountFailures = await connection.ExecuteScalarAsync<int>(
            "UPDATE core_user SET failed_sign_ins = failed_sign_ins + 1 WHERE id = @userId RETURNING failed_sign_ins", new { userId }, tx);
        DateTimeOffset? accountLock = null;
        if (accountFailures >= policy.MaxAccountFailedSignIns)
        {
            accountLock = now + policy.AccountLockout;
            await connection.ExecuteAsync("UPDATE core_user SET failed_sign_ins = 0, locked_until = @accountLock WHERE id = @userId", new { accountLock, userId }, tx);
        }

        await audit.WriteAsync(connection, tx, new AuditEntry("core", "user", userId.ToString(), "sign-in failed", null, new { client, reason = "wrong password" }), ct);
        if (clientLock is not null)
            await audit.WriteAsync(connection, tx, new AuditEntry("core", "user", userId.ToString(), "locked out", null, new { client, until = clientLock, lockout = lockouts + 1 }), ct);
        if (accountLock is not null)
            await audit.WriteAsync(connection, tx, new AuditEntry("core", "user", userId.ToString(), "locked out", null, new { client = "all", until = accountLock }), ct);
        await tx.CommitAsync(ct);
        if (clientLock is not null || accountLock is not null) sessions.Invalidate(userId);
    }

    private static async Task<DateTimeOffset?> ClientLockAsync(DbConnection connection, long userId, string client)
    {
        var text = await connection.ExecuteScalarAsync<string?>(
            "SELECT locked_until FROM core_sign_in_failure WHERE user_id = @userId AND client = @client", new { userId, client });
        return text is null ? null : DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);
    }

    private async Task AuditAsync(string userId, string action, object after, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await audit.WriteAsync(connection, null, new AuditEntry("core", "user", userId, action, null, after), ct);
    }

    private async Task<UserAccount> InsertAsync(DbConnection connection, DbTransaction tx, NewUser input, CancellationToken ct)
    {
        if (await UserStore.FindByEmailAsync(connection, tx, input.Email) is not null)
            throw new DomainValidationException("email", "An account with this email already exists.");
        var now = time.GetUtcNow();
        var user = new UserAccount { Email = input.Email, DisplayName = input.DisplayName, Role = input.Role, IsActive = true, CreatedAt = now, Version = 1,
            SecurityStamp = NewStamp(), PasswordHash = input.PasswordHash };
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO core_user (email, display_name, password_hash, role, is_active, created_at, version, security_stamp)
            VALUES (@Email, @DisplayName, @PasswordHash, @Role, 1, @CreatedAt, 1, @SecurityStamp) RETURNING id
            """, new { user.Email, user.DisplayName, user.PasswordHash, user.Role, CreatedAt = DapperTypeHandlers.Format(now), user.SecurityStamp }, tx);
        user = user with { Id = id };
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "user", id.ToString(), "created", null,
            new { user.Email, user.DisplayName, user.Role }), ct);

        // The directory's person with this email becomes this account's person (one person per account).
        var personId = await connection.ExecuteScalarAsync<long?>("""
            UPDATE core_person SET user_id = @id, updated_at = @now, version = version + 1
            WHERE email = @Email COLLATE NOCASE AND user_id IS NULL RETURNING id
            """, new { id, user.Email, now = DapperTypeHandlers.Format(now) }, tx);
        if (personId is { } pid)
            await audit.WriteAsync(connection, tx, new AuditEntry("core", "person", pid.ToString(), "linked to account", null, new { userId = id }), ct);
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

    // Hashed before any transaction is open: it is the slow part of creating an account.
    private async Task<NewUser> ValidateAsync(string? email, string? displayName, string? role, string? password, CancellationToken ct)
    {
        var input = Validate(email, displayName, role, password);
        var hash = await HashingAsync(() => hasher.HashPassword(new UserAccount { Email = input.Email, DisplayName = input.DisplayName, Role = input.Role }, input.Password), ct);
        return input with { Password = "", PasswordHash = hash };
    }

    private static async Task<T> HashingAsync<T>(Func<T> work, CancellationToken ct)
    {
        await HashGate.WaitAsync(ct);
        try { return work(); }
        finally { HashGate.Release(); }
    }

    private static string NormalizeClient(string? client) =>
        string.IsNullOrWhiteSpace(client) ? LocalClient : client.Length > 64 ? client[..64] : client;

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private sealed record NewUser(string Email, string DisplayName, string Role, string Password, string PasswordHash = "");
}
