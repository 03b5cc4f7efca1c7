using System.ComponentModel.DataAnnotations;
using TsPmo.Core.People;

namespace TsPmo.Host.Pages.People;

/// <summary>
/// The fields of the new and edit forms. Strings are nullable so the only messages are the service's, next to
/// their fields; the rules live in <see cref="PersonValidator"/>, not here.
/// </summary>
public sealed class PersonForm
{
    /// <summary>Empty skill rows offered below the filled ones: enough to add skills without JavaScript.</summary>
    public const int BlankSkillRows = 3;

    public string? Name { get; set; }
    public string? Email { get; set; }

    [Display(Name = "Job title")]
    public string? Title { get; set; }

    [Display(Name = "Weekly capacity (hours)")]
    public decimal WeeklyCapacityHours { get; set; } = 40;

    [Display(Name = "Linked sign-in account")]
    public long? UserId { get; set; }

    public List<SkillRow> Skills { get; set; } = [];

    /// <summary>The version the edit form was opened on (hidden field).</summary>
    public long Version { get; set; }

    public PersonInput ToInput() => new()
    {
        Name = Name, Email = Email, Title = Title, WeeklyCapacityHours = WeeklyCapacityHours, UserId = UserId,
        Skills = Skills.Where(s => !string.IsNullOrWhiteSpace(s.Name)).Select(s => new SkillInput { Name = s.Name, Level = s.Level }).ToList(),
    };

    public static PersonForm From(Person person) => new()
    {
        Name = person.Name, Email = person.Email, Title = person.Title, WeeklyCapacityHours = person.WeeklyCapacityHours,
        UserId = person.UserId, Version = person.Version,
        Skills = person.Skills.Select(s => new SkillRow { Name = s.Name, Level = s.Level }).ToList(),
    };

    /// <summary>Tops the skill rows up with empty ones, after a failed post as well as on first display.</summary>
    public PersonForm WithBlankRows()
    {
        Skills = Skills.Where(s => !string.IsNullOrWhiteSpace(s.Name)).ToList();
        for (var i = 0; i < BlankSkillRows; i++) Skills.Add(new SkillRow());
        return this;
    }
}
