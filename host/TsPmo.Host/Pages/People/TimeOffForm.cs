using System.ComponentModel.DataAnnotations;

namespace TsPmo.Host.Pages.People;

/// <summary>The add-time-off form on a person's page.</summary>
public sealed class TimeOffForm
{
    [Display(Name = "First day away")]
    public DateOnly? Start { get; set; }

    [Display(Name = "Last day away")]
    public DateOnly? End { get; set; }

    [Display(Name = "Reason (optional)")]
    public string? Reason { get; set; }
}
