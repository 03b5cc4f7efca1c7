using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Host.Tests;

public sealed partial class DocumentPagesTests
{
    private static async Task<HttpClient> AdminBrowserAsync(TsPmoFactory factory)
    {
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        return browser;
    }

    private static async Task<long> CreateThroughApiAsync(TsPmoFactory factory, long projectId, string title, string kind, string body)
    {
        var api = await factory.CreateAdminApiAsync();
        var response = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/documents", new { title, kind, body });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>The rendered Markdown of a document page: the inside of its <c>div.markdown</c>.</summary>
    private static string RenderedBody(string html)
    {
        var match = RenderedBodyPattern().Match(html);
        Assert.True(match.Success, "No rendered document body on the page.");
        return match.Groups[1].Value;
    }

    private static string Decoded(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task A_charter_is_created_from_the_template_edited_and_its_changes_shown()
    {
        using var factory = new TsPmoFactory();
        var browser = await AdminBrowserAsync(factory);
        var projectId = await factory.InsertProjectAsync("CRM", "Customer portal");
        var list = $"/Projects/{projectId}/Documents";

        var listPage = await browser.GetStringAsync(list);
        Assert.Contains("Customer portal sections", listPage); // the project's tab bar
        Assert.Contains("aria-label=\"Breadcrumb\"", listPage);
        Assert.Contains("<label class=\"form-check-label\" for=\"Input_FromTemplate\">Start from the template</label>", listPage);

        var created = await browser.PostFormAsync(list, list, ("Input.Title", "Project charter"), ("Input.Kind", "Charter"), ("Input.FromTemplate", "true"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        Assert.Matches($"^/Projects/{projectId}/Documents/\\d+/Edit$", edit);
        var docUrl = edit[..^"/Edit".Length];

        var editPage = Decoded(await browser.GetStringAsync(edit));
        Assert.Contains("## Success criteria", editPage);
        Assert.Contains("name=\"Input.Version\" value=\"1\"", editPage);
        var saved = await browser.PostFormAsync(edit, edit, ("Input.Title", "Project charter"), ("Input.Body", "# Charter\r\n\r\nOld purpose.\r\n"), ("Input.Version", "1"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(docUrl, saved.Headers.Location!.OriginalString);
        await browser.PostFormAsync(edit, edit, ("Input.Title", "Project charter"), ("Input.Body", "# Charter\r\n\r\nNew purpose.\r\n"), ("Input.Version", "2"));

        var page = await browser.GetStringAsync(docUrl);
        Assert.Contains("<p>New purpose.</p>", RenderedBody(page));
        Assert.Contains("Saved as revision 3.", page);
        Assert.Contains($"href=\"{docUrl}/Edit\"", page);
        Assert.Contains($"href=\"{docUrl}?revision=1\"", page);
        Assert.Contains($"href=\"{docUrl}/Diff?from=2&amp;to=3\"", page);

        var old = await browser.GetStringAsync(docUrl + "?revision=2");
        Assert.Contains("<p>Old purpose.</p>", RenderedBody(old));
        Assert.Contains("an older version", old);

        var diff = Decoded(await browser.GetStringAsync(docUrl + "/Diff?from=2&to=3"));
        Assert.Contains("<caption>", diff);
        Assert.Contains("1 line(s) added, 1 line(s) removed", diff);
        Assert.Matches(DiffRow("diff-del", "−", "Removed", "Old purpose."), diff);
        Assert.Matches(DiffRow("diff-ins", "+", "Added", "New purpose."), diff);
        Assert.Contains("<label for=\"from\" class=\"form-label\">Older revision</label>", diff);

        Assert.Contains("Project charter", await browser.GetStringAsync(list));
    }

    private static Regex DiffRow(string css, string sign, string words, string text) =>
        new($"<tr class=\"{css}\">\\s*<td class=\"diff-num\">\\d*</td>\\s*<td class=\"diff-num\">\\d*</td>\\s*" +
            $"<td class=\"diff-sign\"><span aria-hidden=\"true\">{Regex.Escape(sign)}</span><span class=\"visually-hidden\">{words}</span></td>\\s*" +
            $"<td class=\"diff-text\">{Regex.Escape(text)}</td>");

    [Fact]
    public async Task Script_and_javascript_links_in_a_charter_render_inert()
    {
        using var factory = new TsPmoFactory();
        var browser = await AdminBrowserAsync(factory);
        var projectId = await factory.InsertProjectAsync("XSS");
        var docId = await CreateThroughApiAsync(factory, projectId, "Charter", "Charter",
            "# Charter\n\n<script>alert(1)</script>\n\nSee [x](javascript:alert(1)) and [y](JaVaScRiPt:alert(2)).\n");

        var page = await browser.GetStringAsync($"/Projects/{projectId}/Documents/{docId}");

        var body = RenderedBody(page);
        Assert.Contains("<h1", body);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", body); // shown as text, not run
        Assert.DoesNotContain("<script>alert", page);
    }

    [Fact]
    public async Task A_stale_edit_keeps_the_other_text_and_shows_yours_for_copying()
    {
        using var factory = new TsPmoFactory();
        var browser = await AdminBrowserAsync(factory);
        var projectId = await factory.InsertProjectAsync("RACE");
        var docId = await CreateThroughApiAsync(factory, projectId, "Plan", "Plan", "start\n");
        var edit = $"/Projects/{projectId}/Documents/{docId}/Edit";

        await browser.PostFormAsync(edit, edit, ("Input.Title", "Plan"), ("Input.Body", "theirs"), ("Input.Version", "1"));
        var stale = await browser.PostFormAsync(edit, edit, ("Input.Title", "Plan"), ("Input.Body", "mine"), ("Input.Version", "1"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Your changes were not saved", html);
        Assert.Matches(new Regex("<textarea[^>]*name=\"Input.Body\"[^>]*>\\s*theirs</textarea>"), html);
        Assert.Contains("name=\"Input.Version\" value=\"2\"", html);
        Assert.Matches(new Regex("<textarea id=\"your-body\"[^>]*>\\s*mine</textarea>"), html);
        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.Equal("theirs", await db.ExecuteScalarAsync<string>(
            "SELECT body FROM core_document_revision WHERE document_id = @docId ORDER BY revision DESC LIMIT 1", new { docId }));
    }

    [Fact]
    public async Task A_viewer_sees_documents_without_edit_controls_and_cannot_edit()
    {
        using var factory = new TsPmoFactory();
        var viewer = await factory.SignedInAsAsync("val@example.com", "Viewer");
        var projectId = await factory.InsertProjectAsync("VIEW");
        var docId = await CreateThroughApiAsync(factory, projectId, "Charter", "Charter", "# Charter\n");
        var list = $"/Projects/{projectId}/Documents";
        var doc = $"{list}/{docId}";

        var listPage = await viewer.GetStringAsync(list);
        Assert.Contains("Charter", listPage);
        Assert.DoesNotContain("Create document", listPage);
        var docPage = await viewer.GetStringAsync(doc);
        Assert.DoesNotContain("/Edit\"", docPage);

        var editPage = await viewer.GetAsync(doc + "/Edit");
        Assert.Equal(HttpStatusCode.Forbidden, editPage.StatusCode);
        Assert.Contains("Not allowed", await editPage.Content.ReadAsStringAsync());
        var post = await viewer.PostFormAsync(doc, doc + "/Edit", ("Input.Title", "Charter"), ("Input.Body", "hacked"), ("Input.Version", "1"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var create = await viewer.PostFormAsync(list, list, ("Input.Title", "Mine"), ("Input.Kind", "Other"));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);

        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_document_revision"));
    }

    [Fact]
    public async Task Missing_projects_documents_and_revisions_are_404()
    {
        using var factory = new TsPmoFactory();
        var browser = await AdminBrowserAsync(factory);
        var projectId = await factory.InsertProjectAsync("ONE");
        var otherId = await factory.InsertProjectAsync("TWO");
        var docId = await CreateThroughApiAsync(factory, projectId, "Plan", "Plan", "x\n");

        foreach (var url in new[]
                 {
                     "/Projects/999/Documents", $"/Projects/{otherId}/Documents/{docId}", $"/Projects/{otherId}/Documents/{docId}/Edit",
                     $"/Projects/{otherId}/Documents/{docId}/Diff", $"/Projects/{projectId}/Documents/{docId}?revision=9",
                     $"/Projects/{projectId}/Documents/{docId}/Diff?from=1&to=9",
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).StatusCode);
    }

    [GeneratedRegex("<div class=\"markdown border rounded p-3 mb-4\">(.*?)</div>\\s*<section aria-labelledby=\"history-heading\">", RegexOptions.Singleline)]
    private static partial Regex RenderedBodyPattern();
}

internal static class UriExtensions
{
    /// <summary>The path and query of a redirect, whether the server sent it absolute or relative.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
