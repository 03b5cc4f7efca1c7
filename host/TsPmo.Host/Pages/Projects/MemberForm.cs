using System.ComponentModel.DataAnnotations;

namespace TsPmo.Host.Pages.Projects;

/// <summary>The add-member form; the role is text so a wrong one gets the service's message.</summary>
public sealed class MemberForm
{
    [Display(Name = "Person")]
    public long? PersonId { get; set; }

    [Display(Name = "Project role")]
    public string? Role { get; set; } = "Member";
}
