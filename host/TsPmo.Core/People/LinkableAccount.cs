namespace TsPmo.Core.People;

/// <summary>A sign-in account that may be linked to a person (none is linked to someone else).</summary>
public sealed record LinkableAccount(long Id, string DisplayName, string Email);
