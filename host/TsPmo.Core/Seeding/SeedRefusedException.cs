namespace TsPmo.Core.Seeding;

/// <summary>Seeding would overwrite data or has nothing to seed with; nothing was written.</summary>
public sealed class SeedRefusedException(string message) : Exception(message);
