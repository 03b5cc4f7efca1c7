using TsPmo.Sdk.Time;

namespace TsPmo.Core.Time;

/// <summary>The organization's "now" and "today" from a <see cref="TimeProvider"/> and its configured time zone.</summary>
public sealed class OrganizationClock(TimeProvider time, TimeZoneInfo zone) : IOrganizationClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
    public TimeZoneInfo TimeZone { get; } = zone;
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(UtcNow, TimeZone).DateTime);
}
