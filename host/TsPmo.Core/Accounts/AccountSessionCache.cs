using Microsoft.Extensions.Caching.Memory;

namespace TsPmo.Core.Accounts;

/// <summary>
/// The account behind a session, read at most once per <see cref="Lifetime"/> per user, so checking the security
/// stamp on every request costs a dictionary lookup. <see cref="AccountService"/> drops the entry on every change,
/// so on this host a sign-out or password change takes effect at once; another host sees it within the lifetime.
/// </summary>
public sealed class AccountSessionCache(IMemoryCache cache, UserStore users)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async ValueTask<UserAccount?> GetAsync(long userId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(userId), out UserAccount? user)) return user;
        user = await users.FindAsync(userId, ct);
        cache.Set(Key(userId), user, Lifetime);
        return user;
    }

    public void Invalidate(long userId) => cache.Remove(Key(userId));

    private static string Key(long userId) => "tspmo:account-session:" + userId;
}
