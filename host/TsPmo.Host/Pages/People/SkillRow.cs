namespace TsPmo.Host.Pages.People;

/// <summary>One row of the skills fieldset; a row left without a name is ignored, so forms can offer empty rows without script.</summary>
public sealed class SkillRow
{
    public string? Name { get; set; }
    public int Level { get; set; } = 3;
}
