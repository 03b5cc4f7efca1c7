namespace TsPmo.Waterfall.Domain;

public sealed record BaselineInfo(long Id, string Name, DateTimeOffset CreatedAt, string CreatedBy, int Tasks, DateOnly? Start, DateOnly? Finish, decimal Cost);

/// <summary>A task as a baseline saved it (dates as stored local times). A class for Dapper, which reads SQLite's integers into it.</summary>
public sealed class BaselineTask
{
    public long TaskId { get; set; }
    public string Name { get; set; } = "";
    public string? Start { get; set; }
    public string? Finish { get; set; }
    public long DurationMinutes { get; set; }
    public long CostMinor { get; set; }
    public long WorkMinutes { get; set; }
    public bool Summary { get; set; }
    public bool Milestone { get; set; }
}

/// <summary>A task's current plan against a baseline: days as Microsoft Project shows them, variances in working days and money.</summary>
public sealed record TaskVariance(long TaskId, string Wbs, string Name, int OutlineLevel, bool Summary, bool Milestone,
    DateOnly? BaselineStart, DateOnly? BaselineFinish, DateOnly? Start, DateOnly? Finish,
    decimal? StartVarianceDays, decimal? FinishVarianceDays, decimal BaselineCost, decimal Cost, decimal CostVariance, bool InBaseline);

public sealed record BaselineVariance(BaselineInfo Baseline, IReadOnlyList<TaskVariance> Tasks);
