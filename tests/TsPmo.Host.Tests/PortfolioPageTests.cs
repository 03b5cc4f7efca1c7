using System.Net;
using System.Net.Http.Json;

namespace TsPmo.Host.Tests;

public sealed class PortfolioPageTests
{
    private static async Task<(TsPmoFactory Factory, HttpClient Browser)> PortfolioAsync()
    {
        var factory = new TsPmoFactory(["TsPmo.Fixtures.Methodology"]);
        var api = await factory.CreateAdminApiAsync();
        foreach (var (code, name, tag) in new[] { ("ALPHA-1", "Alpha platform", "platform"), ("BETA-2", "Beta portal", "web"), ("GAMMA-3", "=HYPERLINK(\"http://evil\")", "web") })
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/projects", new { name, code, methodology = "fixture-method", tags = new[] { tag } })).StatusCode);
        var beta = (await (await api.GetAsync("/api/v1/projects?q=BETA")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetInt64();
        await api.PostAsJsonAsync($"/api/v1/projects/{beta}/transitions", new { to = "Planning" });
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        return (factory, browser);
    }

    [Fact]
    public async Task Portfolio_lists_filters_and_sorts()
    {
        var (factory, browser) = await PortfolioAsync();
        using var _ = factory;

        var all = await browser.GetStringAsync("/Projects");
        Assert.Contains("3 project(s)", all);
        Assert.Contains("Alpha platform", all);

        var planning = await browser.GetStringAsync("/Projects?phase=Planning");
        Assert.Contains("Beta portal", planning);
        Assert.DoesNotContain("Alpha platform", planning);

        var tagged = await browser.GetStringAsync("/Projects?tag=web&sort=Code&desc=true");
        Assert.Contains("2 project(s)", tagged);
        Assert.True(tagged.IndexOf("GAMMA-3", StringComparison.Ordinal) < tagged.IndexOf("BETA-2", StringComparison.Ordinal));
        Assert.Contains("aria-sort=\"descending\"", tagged);

        var text = await browser.GetStringAsync("/Projects?q=alpha");
        Assert.Contains("1 project(s)", text);
    }

    [Fact]
    public async Task Board_groups_projects_by_phase()
    {
        var (factory, browser) = await PortfolioAsync();
        using var _ = factory;

        var board = await browser.GetStringAsync("/Projects?view=board");
        var planning = board.IndexOf("id=\"col-Planning\"", StringComparison.Ordinal);
        var execution = board.IndexOf("id=\"col-Execution\"", StringComparison.Ordinal);
        var beta = board.IndexOf("Beta portal", StringComparison.Ordinal);
        Assert.True(planning > 0 && planning < beta && beta < execution, "Beta portal should sit in the Planning column");
    }

    [Fact]
    public async Task Csv_export_has_every_filtered_project_and_defuses_formulas()
    {
        var (factory, browser) = await PortfolioAsync();
        using var _ = factory;

        var response = await browser.GetAsync("/Projects?handler=Export&tag=web");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("Code,Name,Methodology,Phase", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("GAMMA-3,\"'=HYPERLINK(\"\"http://evil\"\")\"", StringComparison.Ordinal));
    }
}
