namespace TsPmo.Sdk.Jobs;

/// <summary>
/// A named lease in the shared store, so that with several hosts on one database a recurring job runs on one host at
/// a time (DESIGN: "recurring jobs take a lease in the database before they run"). Implemented by core.
/// </summary>
public interface IJobLease
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> (prefix it with the module id, e.g. <c>risk.warning-feed</c>) until
    /// <paramref name="now"/> + <paramref name="duration"/>: true when it was free, expired, or already held by this host.
    /// </summary>
    Task<bool> TryTakeAsync(string name, DateTimeOffset now, TimeSpan duration, CancellationToken ct = default);
}
