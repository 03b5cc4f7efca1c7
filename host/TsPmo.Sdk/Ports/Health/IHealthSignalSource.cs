namespace TsPmo.Sdk.Ports.Health;

/// <summary>
/// Named red/amber/green signals about a project (burndown behind ideal, overdue mitigations…).
/// Any module may implement it; reporting and governance gates consume it.
/// </summary>
public interface IHealthSignalSource
{
    Task<IReadOnlyList<HealthSignal>> GetSignalsAsync(long projectId, CancellationToken ct = default);

    /// <summary>
    /// The signals of many projects at once (the portfolio dashboard asks for a thousand). The default asks
    /// <see cref="GetSignalsAsync(long, CancellationToken)"/> once per project; override it with batched queries
    /// when a source reads the database per project. Every requested id is a key of the answer.
    /// </summary>
    async Task<IReadOnlyDictionary<long, IReadOnlyList<HealthSignal>>> GetSignalsAsync(IReadOnlyCollection<long> projectIds, CancellationToken ct = default)
    {
        var result = new Dictionary<long, IReadOnlyList<HealthSignal>>(projectIds.Count);
        foreach (var id in projectIds)
            result[id] = await GetSignalsAsync(id, ct);
        return result;
    }
}

public enum Rag { Green, Amber, Red }

public enum HealthDimension { Schedule, Cost, Scope, Risk, Quality }

/// <summary>One signal: a value a person can check and an explanation of why it has this colour.</summary>
public sealed record HealthSignal(string ModuleId, string Name, HealthDimension Dimension, Rag Rag, string Value, string Explanation);
