using Dapper;
using Microsoft.AspNetCore.Identity;
using TsPmo.Core.Accounts;
using TsPmo.Core.Audit;
using TsPmo.Core.Tests.Support;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Tests.Accounts;

public sealed class AccountServiceTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _time = new();
    private readonly AccountService _accounts;
    private readonly UserStore _users;

    public AccountServiceTests()
    {
        _accounts = new AccountService(_db.Connections, new PasswordHasher<UserAccount>(), new AccountPolicy(),
            new AuditLog(FakeCurrentUser.Anonymous, _time), _time,
            new AccountSessionCache(new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()), new UserStore(_db.Connections)));
        _users = new UserStore(_db.Connections);
    }

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.MigrateCoreAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<UserAccount> MemberAsync(string email = "mia@example.com") =>
        _accounts.CreateAsync(email, "Mia Member", Roles.Member, Password);

    [Fact]
    public async Task CreateFirstAdminAsync_creates_an_admin_with_a_hashed_password_and_an_audit_row()
    {
        var admin = await _accounts.CreateFirstAdminAsync("  ada@example.com ", " Ada ", Password);

        var stored = await _users.FindAsync(admin.Id);
        Assert.NotNull(stored);
        Assert.Equal(("ada@example.com", "Ada", Roles.Admin, true, 1L), (stored.Email, stored.DisplayName, stored.Role, stored.IsActive, stored.Version));
        Assert.Equal(_time.Now, stored.CreatedAt);
        Assert.DoesNotContain(Password, stored.PasswordHash);
        Assert.Equal(1L, await _db.ScalarAsync<long>(
            "SELECT COUNT(*) FROM core_audit WHERE entity_type = 'user' AND entity_id = @id AND action = 'created'", new { id = admin.Id.ToString() }));
    }

    [Fact]
    public async Task CreateFirstAdminAsync_works_only_once()
    {
        await _accounts.CreateFirstAdminAsync("ada@example.com", "Ada", Password);

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _accounts.CreateFirstAdminAsync("eve@example.com", "Eve", Password));

        Assert.True(ex.Errors.ContainsKey(""));
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM core_user"));
    }

    [Fact]
    public async Task Validation_errors_are_keyed_by_field()
    {
        var ex = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _accounts.CreateAsync("not-an-email", "  ", "Owner", "short"));

        Assert.Equal(["displayName", "email", "password", "role"], ex.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("10", Assert.Single(ex.Errors["password"]));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM core_user"));
    }

    [Theory]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@")]
    [InlineData("")]
    public async Task An_email_that_is_not_a_bare_address_is_refused(string email)
    {
        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => _accounts.CreateAsync(email, "Ada", Roles.Member, Password));

        Assert.Equal(["email"], ex.Errors.Keys);
    }

    [Fact]
    public async Task A_name_over_100_characters_is_refused()
    {
        var ex = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _accounts.CreateAsync("ada@example.com", new string('a', 101), Roles.Member, Password));

        Assert.Equal(["displayName"], ex.Errors.Keys);
    }

    [Fact]
    public async Task A_duplicate_email_is_refused_whatever_its_case()
    {
        await MemberAsync("mia@example.com");

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _accounts.CreateAsync("MIA@Example.COM", "Other Mia", Roles.Viewer, Password));

        Assert.Equal(["email"], ex.Errors.Keys);
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM core_user"));
    }

    [Fact]
    public async Task SignIn_succeeds_with_the_right_password_whatever_the_email_case()
    {
        var mia = await MemberAsync();

        var result = await _accounts.SignInAsync(" MIA@example.com ", Password);

        Assert.True(result.Succeeded);
        Assert.Equal(mia.Id, result.User?.Id);
        Assert.Equal(Roles.Member, result.User?.Role);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_fail_the_same_way()
    {
        await MemberAsync();

        var wrong = await _accounts.SignInAsync("mia@example.com", "wrong password!");
        var unknown = await _accounts.SignInAsync("nobody@example.com", Password);

        Assert.False(wrong.Succeeded);
        Assert.Null(wrong.User);
        Assert.Equal(wrong, unknown);
    }

    [Theory]
    [InlineData(null, Password)]
    [InlineData("mia@example.com", null)]
    [InlineData("mia@example.com", "")]
    [InlineData("  ", Password)]
    public async Task Missing_credentials_fail(string? email, string? password)
    {
        await MemberAsync();

        Assert.False((await _accounts.SignInAsync(email, password)).Succeeded);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_that_client_out_for_a_minute_and_the_lockout_doubles_up_to_its_cap()
    {
        await MemberAsync();
        for (var i = 0; i < 5; i++)
            Assert.False((await _accounts.SignInAsync("mia@example.com", "wrong password " + i, "203.0.113.9")).Succeeded);

        Assert.False((await _accounts.SignInAsync("mia@example.com", Password, "203.0.113.9")).Succeeded);
        // Another client is not locked out by the first one's failures.
        Assert.True((await _accounts.SignInAsync("mia@example.com", Password, "198.51.100.7")).Succeeded);

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        // Five more failures from the same client: the second lockout lasts two minutes.
        for (var i = 0; i < 5; i++) await _accounts.SignInAsync("mia@example.com", "wrong password " + i, "203.0.113.9");
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(30));
        Assert.False((await _accounts.SignInAsync("mia@example.com", Password, "203.0.113.9")).Succeeded);
        _time.Advance(TimeSpan.FromMinutes(1));
        var result = await _accounts.SignInAsync("mia@example.com", Password, "203.0.113.9");
        Assert.True(result.Succeeded);
        Assert.Equal(2L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM core_audit WHERE action = 'locked out'"));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM core_sign_in_failure WHERE client = '203.0.113.9'"));

        var policy = new AccountPolicy();
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(1, 7).Select(n => (int)policy.ClientLockout(n).TotalMinutes));
    }

    [Fact]
    public async Task Failures_spread_over_many_clients_lock_the_account_briefly_and_an_admin_can_unlock_it()
    {
        var mia = await MemberAsync();
        for (var i = 0; i < 50; i++)
            await _accounts.SignInAsync("mia@example.com", "wrong password", $"192.0.2.{i}");

        Assert.False((await _accounts.SignInAsync("mia@example.com", Password, "198.51.100.7")).Succeeded);
        await _accounts.UnlockAsync(mia.Id);
        Assert.True((await _accounts.SignInAsync("mia@example.com", Password, "198.51.100.7")).Succeeded);
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM core_sign_in_failure"));
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM core_audit WHERE action = 'unlocked'"));
    }

    [Fact]
    public async Task Sign_ins_and_failures_are_audited_without_the_password_or_an_unknown_email()
    {
        await MemberAsync();
        await _accounts.SignInAsync("mia@example.com", "Tr0ub4dor&3-guess", "203.0.113.9");
        await _accounts.SignInAsync("nobody@example.com", "typed-into-email", "203.0.113.9");
        await _accounts.SignInAsync("mia@example.com", Password, "203.0.113.9");

        await using var db = await _db.OpenAsync();
        var rows = (await db.QueryAsync<(string Action, string EntityId, string? After)>(
            "SELECT action, entity_id, after_json FROM core_audit WHERE action IN ('sign-in failed', 'signed in') ORDER BY id")).ToList();
        Assert.Equal(["sign-in failed", "sign-in failed", "signed in"], rows.Select(r => r.Action));
        Assert.Equal("unknown", rows[1].EntityId);
        var everything = string.Join("\n", (await db.QueryAsync<string>(
            "SELECT COALESCE(before_json, '') || COALESCE(after_json, '') FROM core_audit")));
        Assert.DoesNotContain("Tr0ub4dor", everything);
        Assert.DoesNotContain("typed-into-email", everything);
        Assert.DoesNotContain(Password, everything);
        Assert.DoesNotContain("nobody@example.com", everything);
        Assert.Contains("203.0.113.9", rows[0].After);
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_and_a_success_resets_the_count()
    {
        await MemberAsync();
        for (var i = 0; i < 4; i++) await _accounts.SignInAsync("mia@example.com", "wrong password");
        Assert.True((await _accounts.SignInAsync("mia@example.com", Password)).Succeeded);

        // Four more: still not locked, because the success reset the count.
        for (var i = 0; i < 4; i++) await _accounts.SignInAsync("mia@example.com", "wrong password");
        Assert.True((await _accounts.SignInAsync("mia@example.com", Password)).Succeeded);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        var mia = await MemberAsync();

        await _accounts.SetActiveAsync(mia.Id, false, mia.Version);

        Assert.False((await _accounts.SignInAsync("mia@example.com", Password)).Succeeded);
        await _accounts.SetActiveAsync(mia.Id, true, mia.Version + 1);
        Assert.True((await _accounts.SignInAsync("mia@example.com", Password)).Succeeded);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted_or_deactivated()
    {
        var ada = await _accounts.CreateFirstAdminAsync("ada@example.com", "Ada", Password);

        await Assert.ThrowsAsync<DomainValidationException>(() => _accounts.ChangeRoleAsync(ada.Id, Roles.Pmo, ada.Version));
        await Assert.ThrowsAsync<DomainValidationException>(() => _accounts.SetActiveAsync(ada.Id, false, ada.Version));

        var stored = (await _users.FindAsync(ada.Id))!;
        Assert.Equal((Roles.Admin, true, 1L), (stored.Role, stored.IsActive, stored.Version));
    }

    [Fact]
    public async Task An_admin_can_be_demoted_while_another_active_admin_remains()
    {
        var ada = await _accounts.CreateFirstAdminAsync("ada@example.com", "Ada", Password);
        var bob = await _accounts.CreateAsync("bob@example.com", "Bob", Roles.Admin, Password);

        await _accounts.ChangeRoleAsync(ada.Id, Roles.Pmo, ada.Version);

        Assert.Equal((Roles.Pmo, 2L), ((await _users.FindAsync(ada.Id))!.Role, (await _users.FindAsync(ada.Id))!.Version));
        // Bob is now the last one.
        await Assert.ThrowsAsync<DomainValidationException>(() => _accounts.SetActiveAsync(bob.Id, false, bob.Version));
    }

    [Fact]
    public async Task A_deactivated_admin_does_not_count_as_another_admin()
    {
        var ada = await _accounts.CreateFirstAdminAsync("ada@example.com", "Ada", Password);
        var bob = await _accounts.CreateAsync("bob@example.com", "Bob", Roles.Admin, Password);
        await _accounts.SetActiveAsync(bob.Id, false, bob.Version);

        await Assert.ThrowsAsync<DomainValidationException>(() => _accounts.ChangeRoleAsync(ada.Id, Roles.Member, ada.Version));
    }

    [Fact]
    public async Task ChangeRoleAsync_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var mia = await MemberAsync();
        await _accounts.ChangeRoleAsync(mia.Id, Roles.ProjectManager, mia.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _accounts.ChangeRoleAsync(mia.Id, Roles.Viewer, mia.Version));

        var stored = (await _users.FindAsync(mia.Id))!;
        Assert.Equal((Roles.ProjectManager, 2L), (stored.Role, stored.Version));
    }

    [Fact]
    public async Task ChangeRoleAsync_is_audited_with_before_and_after()
    {
        var mia = await MemberAsync();

        await _accounts.ChangeRoleAsync(mia.Id, Roles.Viewer, mia.Version);

        await using var connection = await _db.OpenAsync();
        var (before, after) = await connection.QuerySingleAsync<(string, string)>(
            "SELECT before_json, after_json FROM core_audit WHERE action = 'role changed' AND entity_id = @id", new { id = mia.Id.ToString() });
        Assert.Equal("""{"role":"Member","isActive":true}""", before);
        Assert.Equal("""{"role":"Viewer","isActive":true}""", after);
    }

    [Fact]
    public async Task ChangeRoleAsync_refuses_an_unknown_role_and_an_unknown_user()
    {
        var mia = await MemberAsync();

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => _accounts.ChangeRoleAsync(mia.Id, "Owner", mia.Version));
        Assert.Equal(["role"], ex.Errors.Keys);
        await Assert.ThrowsAsync<NotFoundException>(() => _accounts.ChangeRoleAsync(mia.Id + 100, Roles.Viewer, 1));
    }

    [Fact]
    public async Task BootstrapAdminAsync_creates_an_admin_only_in_an_empty_database()
    {
        Assert.True(await _accounts.BootstrapAdminAsync("root@example.com", Password));
        Assert.False(await _accounts.BootstrapAdminAsync("other@example.com", Password));

        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM core_user WHERE role = 'Admin'"));
    }
}
