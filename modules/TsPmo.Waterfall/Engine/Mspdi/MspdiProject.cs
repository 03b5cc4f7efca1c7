using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Engine.Mspdi;

/// <summary>
/// A Microsoft Project XML plan, neutral of storage. Task ids are the file's UIDs; links use them too.
/// <see cref="Tasks"/> are in the file's order (outline order), without the project summary task (UID 0) and blank rows.
/// </summary>
public sealed record MspdiProject
{
    public required string Name { get; init; }
    public required DateTime Start { get; init; }
    public DateTime? Finish { get; init; }
    public DateTime? StatusDate { get; init; }
    public int MinutesPerDay { get; init; } = 480;
    public int MinutesPerWeek { get; init; } = 2400;
    public int DaysPerMonth { get; init; } = 20;
    public string? CurrencyCode { get; init; }
    public required CalendarDefinition Calendar { get; init; }
    public IReadOnlyDictionary<string, CalendarDefinition> TaskCalendars { get; init; } = new Dictionary<string, CalendarDefinition>();
    public required IReadOnlyList<MspdiTask> Tasks { get; init; }
    public required IReadOnlyList<PlanLink> Links { get; init; }
    /// <summary>
    /// Whether constraint dates win over links (Project's default). MSPDI's <c>HonorConstraints</c> element is
    /// inverted in practice — Project writes 0 for the default "tasks will always honor their constraint dates" — as
    /// MPXJ also reads it.
    /// </summary>
    public bool HonorConstraintDates { get; init; } = true;

    public IReadOnlyList<MspdiResource> Resources { get; init; } = [];
    public IReadOnlyList<MspdiAssignment> Assignments { get; init; } = [];
}

/// <summary>
/// A task as read (or to be written): the scheduling view (<see cref="Plan"/>, ParentId derived from
/// OutlineLevel) plus what the file stored. Money in minor units of the project currency.
/// </summary>
public sealed record MspdiTask(
    PlanTask Plan,
    int OutlineLevel,
    string? Wbs,
    DateTime? Start,
    DateTime? Finish,
    bool? Critical,
    long PlannedCostMinor,
    long ActualCostMinor,
    string? Notes);

public sealed record MspdiResource(long Uid, string Name, string? Email);

/// <summary>A resource assigned to a task with its work in minutes.</summary>
public sealed record MspdiAssignment(long TaskUid, long ResourceUid, long WorkMinutes);
