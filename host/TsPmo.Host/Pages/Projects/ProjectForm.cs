using System.ComponentModel.DataAnnotations;
using TsPmo.Core.Projects;

namespace TsPmo.Host.Pages.Projects;

/// <summary>The fields of the new-project and edit-project forms.</summary>
public sealed class ProjectForm
{
    public string? Name { get; set; }
    public string? Code { get; set; }
    [Display(Name = "Methodology")] public string? MethodologyId { get; set; }
    public string? Description { get; set; }
    [Display(Name = "Owner")] public long? OwnerPersonId { get; set; }
    [Display(Name = "Sponsor")] public long? SponsorPersonId { get; set; }
    [Display(Name = "Start date")] public DateOnly? StartDate { get; set; }
    [Display(Name = "Target date")] public DateOnly? TargetDate { get; set; }
    [Display(Name = "Budget")] public decimal? Budget { get; set; }
    public string? Currency { get; set; } = "EUR";
    [Display(Name = "Business value")] public int BusinessValue { get; set; } = 3;
    [Display(Name = "Strategic importance")] public int StrategicImportance { get; set; } = 3;
    public ProjectPriority Priority { get; set; } = ProjectPriority.Medium;
    [Display(Name = "Tags")] public string? Tags { get; set; }
    [Display(Name = "Who reads it")] public TsPmo.Sdk.Security.ProjectVisibility Visibility { get; set; }
    public long Version { get; set; }

    public ProjectInput ToInput() => new()
    {
        Name = Name, Code = Code, MethodologyId = MethodologyId, Description = Description, OwnerPersonId = OwnerPersonId,
        SponsorPersonId = SponsorPersonId, StartDate = StartDate, TargetDate = TargetDate, BudgetAmount = Budget,
        Currency = Budget is null ? null : Currency, BusinessValue = BusinessValue, StrategicImportance = StrategicImportance,
        Priority = Priority, Tags = ProjectValidator.ParseTags(Tags), Visibility = Visibility,
    };

    public static ProjectForm From(Project p) => new()
    {
        Name = p.Name, Code = p.Code, MethodologyId = p.MethodologyId, Description = p.Description, OwnerPersonId = p.OwnerPersonId,
        SponsorPersonId = p.SponsorPersonId, StartDate = p.StartDate, TargetDate = p.TargetDate, Budget = p.Budget?.Amount,
        Currency = p.Currency ?? "EUR", BusinessValue = p.BusinessValue, StrategicImportance = p.StrategicImportance, Priority = p.Priority,
        Tags = string.Join(", ", p.Tags), Version = p.Version, Visibility = p.Visibility,
    };
}
