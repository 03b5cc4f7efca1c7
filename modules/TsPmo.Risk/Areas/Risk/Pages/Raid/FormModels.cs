using TsPmo.Risk.Domain;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Risk.Areas.Risk.Pages.Raid;

/// <summary>
/// The fields of an issue form, shared by the add form (<see cref="Full"/> false: no status or resolution yet) and the
/// edit page. <see cref="Prefix"/> is the bound property's name, so ids and error keys match model binding.
/// </summary>
public sealed record IssueForm(string Prefix, IssueInput Input, IReadOnlyList<PersonInfo> People, bool Full);

public sealed record AssumptionForm(string Prefix, AssumptionInput Input);

public sealed record DependencyForm(string Prefix, DependencyInput Input, IReadOnlyList<PersonInfo> People, IReadOnlyList<ProjectInfo> Projects, bool Full);

/// <summary>Labels for the enum values users see.</summary>
public static class RaidLabels
{
    public static string Of(IssueStatus status) => status == IssueStatus.InProgress ? "In progress" : status.ToString();

    public static string Of(DependencyStatus status) => status switch
    {
        DependencyStatus.OnTrack => "On track",
        DependencyStatus.AtRisk => "At risk",
        _ => status.ToString(),
    };

    /// <summary>Badge colours with enough contrast for their text (WCAG AA); the word is always shown too.</summary>
    public static string Badge(IssueSeverity severity) => severity switch
    {
        IssueSeverity.Critical => "text-bg-danger",
        IssueSeverity.High => "text-bg-warning",
        IssueSeverity.Medium => "text-bg-info",
        _ => "text-bg-light border",
    };

    public static string Badge(DependencyStatus status) => status switch
    {
        DependencyStatus.Late => "text-bg-danger",
        DependencyStatus.AtRisk => "text-bg-warning",
        DependencyStatus.OnTrack or DependencyStatus.Delivered => "text-bg-success",
        _ => "text-bg-light border",
    };
}
