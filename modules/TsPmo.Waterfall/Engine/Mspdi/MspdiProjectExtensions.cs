using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Engine.Mspdi;

public static class MspdiProjectExtensions
{
    /// <summary>The scheduler's view of an imported file: its start, calendars, tasks (file order) and links.</summary>
    public static PlanInput ToPlanInput(this MspdiProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new PlanInput(project.Start, project.Calendar, project.Tasks.Select(t => t.Plan).ToList(), project.Links)
        {
            MinutesPerDay = project.MinutesPerDay,
            TaskCalendars = project.TaskCalendars,
            HonorConstraintDates = project.HonorConstraintDates,
        };
    }
}
