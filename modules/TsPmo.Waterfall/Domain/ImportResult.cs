namespace TsPmo.Waterfall.Domain;

/// <summary>What an MSPDI import brought in (calendars = the project calendar plus task calendars).</summary>
public sealed record ImportResult(int Tasks, int Links, int Resources, int Assignments, int Calendars, string PlanStart);
