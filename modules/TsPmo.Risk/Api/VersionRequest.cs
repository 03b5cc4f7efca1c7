namespace TsPmo.Risk.Api;

/// <summary>A body that only carries the version the client saw (review, close).</summary>
public sealed record VersionRequest(long? Version);
