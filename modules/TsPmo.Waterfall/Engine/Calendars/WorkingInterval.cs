namespace TsPmo.Waterfall.Engine.Calendars;

/// <summary>Working time within one day, in minutes since midnight: [StartMinute, EndMinute), EndMinute ≤ 1440.</summary>
public sealed record WorkingInterval(int StartMinute, int EndMinute);
