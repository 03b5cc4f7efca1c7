namespace TsPmo.Core.Accounts;

/// <summary>Password and lockout rules.</summary>
public sealed class AccountPolicy
{
    public int MinimumPasswordLength { get; set; } = 10;
    public int MaxFailedSignIns { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public string? CheckPassword(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength
            ? $"The password must be at least {MinimumPasswordLength} characters long."
            : password.Length > 256 ? "The password must be at most 256 characters long." : null;
}
