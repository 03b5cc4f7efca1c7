namespace TsPmo.Risk.Domain;

/// <summary>How near a proximity date warns, and how long a risk may go unreviewed (the module setting <c>reviewDays</c>).</summary>
public sealed record WarningThresholds(int ProximityDays = 14, int ReviewDays = 30);
