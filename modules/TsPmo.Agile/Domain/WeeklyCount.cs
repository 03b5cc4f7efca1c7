namespace TsPmo.Agile.Domain;

/// <summary>Cards finished in the week starting on <see cref="WeekStart"/> (a Monday in the organization's zone).</summary>
public sealed record WeeklyCount(DateOnly WeekStart, int Count);
