namespace TsPmo.Sdk.Ports.Health;

/// <summary>
/// Named red/amber/green signals about a project (burndown behind ideal, overdue mitigations…).
/// Any module may implement it; reporting and governance gates consume it.
/// </summary>
public interface IHealthSignalSource
{
    Task<IReadOnlyList<HealthSignal>> GetSignalsAsync(long projectId, CancellationToken ct = default);
}

public enum Rag { Green, Amber, Red }

public enum HealthDimension { Schedule, Cost, Scope, Risk, Quality }

/// <summary>One signal: a value a person can check and an explanation of why it has this colour.</summary>
public sealed record HealthSignal(string ModuleId, string Name, HealthDimension Dimension, Rag Rag, string Value, string Explanation);
