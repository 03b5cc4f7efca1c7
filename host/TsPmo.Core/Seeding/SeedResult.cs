namespace TsPmo.Core.Seeding;

public sealed record SeedResult(int People, int Projects, int Documents, TimeSpan Elapsed, IReadOnlyList<string> ModuleErrors);
