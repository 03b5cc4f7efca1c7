using Dapper;
using Microsoft.AspNetCore.Identity;
using TsPmo.Core.Accounts;
using TsPmo.Core.Audit;
using TsPmo.Core.Tests.Support;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Tests.Accounts;

public sealed class ApiTokenServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _time = new();
    private readonly AccountService _accounts;
    private readonly ApiTokenService _tokens;
    private UserAccount _mia = null!;
    private UserAccount _bob = null!;

    public ApiTokenServiceTests()
    {
        var audit = new AuditLog(new FakeCurrentUser(), _time);
        _accounts = new AccountService(_db.Connections, new PasswordHasher<UserAccount>(), new AccountPolicy(), audit, _time,
            new AccountSessionCache(new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()), new UserStore(_db.Connections)));
        _tokens = new ApiTokenService(_db.Connections, audit, _time);
    }

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.MigrateCoreAsync();
        _mia = await _accounts.CreateAsync("mia@example.com", "Mia", Roles.Member, "a long enough password");
        _bob = await _accounts.CreateAsync("bob@example.com", "Bob", Roles.Member, "a long enough password");
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_new_secret_is_prefixed_and_authenticates_its_owner()
    {
        var (token, secret) = await _tokens.CreateAsync(_mia.Id, " CI pipeline ");

        Assert.StartsWith(ApiTokenService.SecretPrefix, secret);
        Assert.StartsWith("tspmo_", secret);
        Assert.True(secret.Length >= 6 + 43, "256 random bits in base64url are 43 characters");
        Assert.Equal("CI pipeline", token.Name);
        Assert.Equal(secret[..12], token.Prefix);
        Assert.Equal(_mia.Id, (await _tokens.AuthenticateAsync(secret))?.Id);
    }

    [Fact]
    public async Task Secrets_are_different_each_time()
    {
        var (_, a) = await _tokens.CreateAsync(_mia.Id, "a");
        var (_, b) = await _tokens.CreateAsync(_mia.Id, "b");

        Assert.NotEqual(a, b);
        Assert.Equal(_mia.Id, (await _tokens.AuthenticateAsync(a))?.Id);
        Assert.Equal(_mia.Id, (await _tokens.AuthenticateAsync(b))?.Id);
    }

    [Fact]
    public async Task The_secret_is_not_stored()
    {
        var (_, secret) = await _tokens.CreateAsync(_mia.Id, "CI");
        var hidden = secret[12..]; // what the shown prefix does not reveal

        await using var connection = await _db.OpenAsync();
        var rows = (await connection.QueryAsync("SELECT * FROM core_api_token")).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        foreach (var (column, value) in row)
        {
            var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            Assert.DoesNotContain(secret, text);
            Assert.False(text.Contains(hidden, StringComparison.Ordinal), $"column {column} holds the secret");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("tspmo_")]
    [InlineData("tspmo_not-a-real-token")]
    [InlineData("Bearer tspmo_x")]
    public async Task Unknown_secrets_authenticate_nobody(string secret)
    {
        await _tokens.CreateAsync(_mia.Id, "CI");

        Assert.Null(await _tokens.AuthenticateAsync(secret));
    }

    [Fact]
    public async Task A_secret_with_a_changed_character_authenticates_nobody()
    {
        var (_, secret) = await _tokens.CreateAsync(_mia.Id, "CI");
        var tampered = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');

        Assert.Null(await _tokens.AuthenticateAsync(tampered));
    }

    [Fact]
    public async Task A_revoked_token_no_longer_authenticates()
    {
        var (token, secret) = await _tokens.CreateAsync(_mia.Id, "CI");

        await _tokens.RevokeAsync(_mia.Id, token.Id);

        Assert.Null(await _tokens.AuthenticateAsync(secret));
        var listed = Assert.Single(await _tokens.ListAsync(_mia.Id));
        Assert.Equal(_time.Now, listed.RevokedAt);
        Assert.False(listed.IsActive(_time.Now));
    }

    [Fact]
    public async Task A_token_expires_after_its_days()
    {
        var (token, secret) = await _tokens.CreateAsync(_mia.Id, "CI", validDays: 2);
        Assert.Equal(_time.Now.AddDays(2), token.ExpiresAt);

        _time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.NotNull(await _tokens.AuthenticateAsync(secret));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await _tokens.AuthenticateAsync(secret));
    }

    [Fact]
    public async Task Revoking_someone_elses_token_is_not_found_and_leaves_it_working()
    {
        var (token, secret) = await _tokens.CreateAsync(_mia.Id, "CI");

        await Assert.ThrowsAsync<NotFoundException>(() => _tokens.RevokeAsync(_bob.Id, token.Id));

        Assert.Equal(_mia.Id, (await _tokens.AuthenticateAsync(secret))?.Id);
    }

    [Fact]
    public async Task Revoking_an_unknown_token_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(() => _tokens.RevokeAsync(_mia.Id, 999));

    [Fact]
    public async Task A_deactivated_users_token_fails_until_reactivated()
    {
        var (_, secret) = await _tokens.CreateAsync(_mia.Id, "CI");

        await _accounts.SetActiveAsync(_mia.Id, false, _mia.Version);
        Assert.Null(await _tokens.AuthenticateAsync(secret));

        await _accounts.SetActiveAsync(_mia.Id, true, _mia.Version + 1);
        Assert.NotNull(await _tokens.AuthenticateAsync(secret));
    }

    [Fact]
    public async Task ListAsync_shows_only_the_users_own_tokens_newest_first_with_last_use()
    {
        var (first, secret) = await _tokens.CreateAsync(_mia.Id, "first");
        _time.Advance(TimeSpan.FromMinutes(5));
        var (second, _) = await _tokens.CreateAsync(_mia.Id, "second", validDays: 30);
        await _tokens.CreateAsync(_bob.Id, "bob's");
        _time.Advance(TimeSpan.FromMinutes(5));
        await _tokens.AuthenticateAsync(secret);

        var listed = await _tokens.ListAsync(_mia.Id);

        Assert.Equal([second.Id, first.Id], listed.Select(t => t.Id));
        Assert.Equal(_time.Now, listed[1].LastUsedAt);
        Assert.Null(listed[0].LastUsedAt);
        Assert.Equal(second.ExpiresAt, listed[0].ExpiresAt);
        Assert.Equal(first.CreatedAt, listed[1].CreatedAt);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("CI", 0)]
    [InlineData("CI", 3651)]
    public async Task CreateAsync_refuses_a_bad_name_or_validity(string name, int? validDays)
    {
        await Assert.ThrowsAsync<DomainValidationException>(() => _tokens.CreateAsync(_mia.Id, name, validDays));

        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM core_api_token"));
    }
}
