using TsPmo.Sdk.Ports.Lifecycle;

namespace TsPmo.Sdk.Ports.Seeding;

public enum SeedSize
{
    /// <summary>A believable small organization for a first look.</summary>
    Demo,

    /// <summary>A large portfolio for benchmarks and load tests.</summary>
    Large,
}

/// <summary>
/// Adds a module's demo data after core has seeded people and projects (<c>seed demo</c>, <c>seed large</c>).
/// A methodology module seeds the projects that use it; a capability module may seed any project. Keep it
/// fast for <see cref="SeedSize.Large"/>: one transaction, batched inserts.
/// </summary>
public interface IDemoSeeder
{
    Task SeedAsync(SeedContext context, CancellationToken ct = default);
}

/// <summary>What core has seeded, and a seeded random source so every run produces the same data.</summary>
public sealed record SeedContext(SeedSize Size, IReadOnlyList<SeedProject> Projects, IReadOnlyList<SeedPerson> People, Random Random, DateOnly Today);

public sealed record SeedProject(long Id, string Code, string Name, string MethodologyId, LifecyclePhase Phase, DateOnly Start, DateOnly Target, IReadOnlyList<long> MemberPersonIds);

public sealed record SeedPerson(long Id, string Name, decimal WeeklyCapacityHours, IReadOnlyList<string> Skills);
