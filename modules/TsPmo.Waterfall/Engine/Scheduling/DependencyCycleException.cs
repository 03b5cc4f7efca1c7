namespace TsPmo.Waterfall.Engine.Scheduling;

/// <summary>The links form a cycle; <see cref="TaskNames"/> lists the tasks in it, in link order. Services turn it into a 400/validation message.</summary>
public sealed class DependencyCycleException(IReadOnlyList<string> taskNames)
    : Exception("These tasks depend on each other in a cycle: " + string.Join(" → ", taskNames) + ".")
{
    public IReadOnlyList<string> TaskNames { get; } = taskNames;
}
