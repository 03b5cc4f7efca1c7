namespace TsPmo.Sdk.Time;

/// <summary>"Now" and "today" in the organization's time zone; inject it instead of reading the system clock.</summary>
public interface IOrganizationClock
{
    DateTimeOffset UtcNow { get; }
    TimeZoneInfo TimeZone { get; }
    DateOnly Today { get; }
}
