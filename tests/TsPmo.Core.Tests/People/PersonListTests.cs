using TsPmo.Core.People;

namespace TsPmo.Core.Tests.People;

public sealed class PersonListTests : PeopleTestBase
{
    [Fact]
    public async Task Text_search_matches_name_email_or_title_and_escapes_wildcards()
    {
        await PersonAsync("Ada Lovelace", "ada@example.com");
        await PersonAsync("Alan Turing", "alan@bletchley.uk");
        await PersonAsync("100% Coverage", null);

        Assert.Equal(["Alan Turing"], Names(await People().ListAsync(new PersonQuery { Text = "BLETCH" })));
        Assert.Equal(["Ada Lovelace"], Names(await People().ListAsync(new PersonQuery { Text = "love" })));
        Assert.Equal(["100% Coverage"], Names(await People().ListAsync(new PersonQuery { Text = "%" })));
    }

    [Fact]
    public async Task Skill_filter_ignores_case_and_lists_load_every_skill()
    {
        await PersonAsync("Ada", null, ("Math", 5), ("C#", 2));
        await PersonAsync("Bob", null, ("Go", 3));

        var page = await People().ListAsync(new PersonQuery { Skill = "c#" });

        var ada = Assert.Single(page.Items);
        Assert.Equal([new Skill("Math", 5), new Skill("C#", 2)], ada.Skills);
        Assert.Equal(["C#", "Go", "Math"], await People().SkillNamesAsync());
    }

    [Fact]
    public async Task Pages_are_by_name_with_the_total()
    {
        foreach (var name in new[] { "Eve", "ada", "Carl", "Bea", "Dan" }) await PersonAsync(name);

        var page = await People().ListAsync(new PersonQuery { Page = 2, PageSize = 2 });

        Assert.Equal(["Carl", "Dan"], Names(page));
        Assert.Equal((5, 2, 2, 3), (page.Total, page.Page, page.PageSize, page.PageCount));
        Assert.Equal(["ada"], Names(await People().ListAsync(new PersonQuery { Page = 0, PageSize = 1 })));
        Assert.Equal(PersonQuery.MaxPageSize, (await People().ListAsync(new PersonQuery { PageSize = 10_000 })).PageSize);
    }

    private static string[] Names(PersonPage page) => page.Items.Select(p => p.Name).ToArray();
}
