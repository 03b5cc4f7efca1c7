namespace TsPmo.Scrum.Domain;

public enum SprintState { Planned, Active, Completed }

/// <summary>Where the unfinished items of a completed sprint go.</summary>
public enum UnfinishedTarget { Backlog, NextSprint }

public sealed record Sprint
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public string Name { get; init; } = "";
    public string Goal { get; init; } = "";
    public DateOnly Start { get; init; }
    public DateOnly End { get; init; }
    public decimal CapacityPoints { get; init; }
    public SprintState State { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    /// <summary>Points in the sprint when it started.</summary>
    public decimal? CommittedPoints { get; init; }
    /// <summary>Points of the items done when it completed.</summary>
    public decimal? CompletedPoints { get; init; }
    public string? UnfinishedTo { get; init; }
    /// <summary>Points of the items in the sprint now, and of those done.</summary>
    public decimal PlannedPoints { get; init; }
    public decimal DonePoints { get; init; }
    public int ItemCount { get; init; }
    public long Version { get; init; }

    public int LengthDays => End.DayNumber - Start.DayNumber + 1;
}

public sealed record SprintInput
{
    public string? Name { get; init; }
    public string? Goal { get; init; }
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public decimal? CapacityPoints { get; init; }
}

/// <summary>One completed sprint on the velocity chart.</summary>
public sealed record VelocitySprint(long SprintId, string Name, DateOnly Start, DateOnly End, decimal Committed, decimal Completed);

/// <summary>The release forecast: remaining backlog points, the velocity samples used, and sprints/dates at 50/85/95 %.</summary>
public sealed record ReleaseForecastView(
    decimal RemainingPoints, int Samples, int? Sprints50, int? Sprints85, int? Sprints95,
    DateOnly? Date50, DateOnly? Date85, DateOnly? Date95, int SprintLengthDays, string? Note);

public sealed record VelocityView(IReadOnlyList<VelocitySprint> Sprints, decimal? AverageLast3, ReleaseForecastView Forecast);
