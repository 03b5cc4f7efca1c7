namespace TsPmo.Core.Accounts;

public enum SignInOutcome { Succeeded, Failed }

/// <summary>
/// The outcome of a sign-in. A failure carries one message whatever the reason (unknown email, wrong
/// password, locked, deactivated), so it never tells a stranger whether an account exists.
/// </summary>
public sealed record AccountSignIn(SignInOutcome Outcome, UserAccount? User)
{
    public const string FailureMessage =
        "The email or password is not correct, or the account is locked for a few minutes after repeated failed attempts.";

    public bool Succeeded => Outcome == SignInOutcome.Succeeded;
}
