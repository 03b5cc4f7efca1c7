namespace TsPmo.Core.Projects;

/// <summary>A phase change refused by the lifecycle rules or a lifecycle guard; nothing changed. Answered with 409.</summary>
public sealed class LifecycleRefusedException(string summary, IReadOnlyList<string> reasons)
    : Exception(summary + " " + string.Join(" ", reasons))
{
    public string Summary { get; } = summary;
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
