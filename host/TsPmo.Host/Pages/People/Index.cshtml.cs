using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.People;

namespace TsPmo.Host.Pages.People;

/// <summary>The people directory: search, skill filter, paging. The page number is <c>p</c>: <c>page</c> is a route value of Razor Pages.</summary>
public sealed class PeopleModel(PersonService people) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Skill { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Archived { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PersonPage Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<string> SkillNames { get; private set; } = [];
    public bool CanManage => people.CanManage;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await people.ListAsync(new PersonQuery { Text = Q, Skill = Skill, IncludeArchived = Archived, Page = PageNumber, PageSize = PageSize }, ct);
        SkillNames = await people.SkillNamesAsync(ct);
    }

    /// <summary>Route values of a link to another page of the same search.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string> { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(Q)) values["q"] = Q;
        if (!string.IsNullOrWhiteSpace(Skill)) values["skill"] = Skill;
        if (Archived) values["archived"] = "true";
        return values;
    }
}
