namespace TsPmo.Core.People;

/// <summary>Days a person is away, both ends included.</summary>
public sealed record TimeOffPeriod(long Id, DateOnly Start, DateOnly End, string? Reason);
