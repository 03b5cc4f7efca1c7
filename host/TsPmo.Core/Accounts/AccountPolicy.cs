namespace TsPmo.Core.Accounts;

/// <summary>Password and lockout rules.</summary>
/// <remarks>
/// Lockout is counted per account <em>and client</em> (remote address): a stranger who guesses at the
/// administrator's password locks only their own address out, for a time that doubles with each lockout up to
/// <see cref="MaxClientLockout"/>. The account-wide lock, for guessing spread over many addresses, needs far more
/// failures and never grows, so nobody can keep an account shut for long; an administrator can unlock either.
/// </remarks>
public sealed class AccountPolicy
{
    public int MinimumPasswordLength { get; set; } = 10;

    /// <summary>Failures from one client against one account before that client is locked out of it.</summary>
    public int MaxFailedSignIns { get; set; } = 5;
    public TimeSpan FirstClientLockout { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxClientLockout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Failures from all clients together before the account is locked for everyone.</summary>
    public int MaxAccountFailedSignIns { get; set; } = 50;
    public TimeSpan AccountLockout { get; set; } = TimeSpan.FromMinutes(5);

    public string? CheckPassword(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength
            ? $"The password must be at least {MinimumPasswordLength} characters long."
            : password.Length > 256 ? "The password must be at most 256 characters long." : null;

    /// <summary>How long the n-th lockout (1-based) of one client lasts: doubling, capped.</summary>
    public TimeSpan ClientLockout(int lockouts)
    {
        var factor = Math.Pow(2, Math.Clamp(lockouts - 1, 0, 20));
        var ticks = Math.Min(FirstClientLockout.Ticks * factor, MaxClientLockout.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
