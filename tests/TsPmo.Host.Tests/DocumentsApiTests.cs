using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Host.Tests;

public sealed class DocumentsApiTests
{
    private static async Task<JsonElement> CreateAsync(HttpClient api, long projectId, object request)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/documents", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task A_charter_from_the_template_is_edited_twice_with_its_revisions_and_diffs()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var projectId = await factory.InsertProjectAsync("CRM");

        var response = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/documents", new { title = "Charter", kind = "Charter", fromTemplate = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var docId = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/projects/{projectId}/documents/{docId}", response.Headers.Location?.OriginalString);
        Assert.Equal(("Charter", 1, 1L), (created.GetProperty("kind").GetString(), created.GetProperty("revision").GetInt32(), created.GetProperty("version").GetInt64()));
        var template = created.GetProperty("body").GetString()!;
        Assert.Contains("## Objectives", template);
        Assert.Contains("<table>", created.GetProperty("html").GetString());

        var url = $"/api/v1/projects/{projectId}/documents/{docId}";
        var first = await api.PutAsJsonAsync(url, new { title = "Charter", body = template.Replace("## Purpose\n", "## Purpose\n\nWin back lapsed customers.\n"), version = 1 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await api.PutAsJsonAsync(url, new { title = "CRM charter", body = "# CRM charter\n\nShort now.\n", version = 2 });
        var saved = await second.JsonAsync();
        Assert.Equal((3, 3L, "CRM charter"), (saved.GetProperty("revision").GetInt32(), saved.GetProperty("version").GetInt64(), saved.GetProperty("title").GetString()));
        Assert.Equal("<div class=\"user-content\" hx-disable><h1 id=\"user-content-crm-charter\">CRM charter</h1>\n<p>Short now.</p>\n</div>", saved.GetProperty("html").GetString());

        var revisions = await (await api.GetAsync(url + "/revisions")).JsonAsync();
        Assert.Equal([3, 2, 1], revisions.EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()));
        Assert.All(revisions.EnumerateArray(), r => Assert.Equal("Administrator", r.GetProperty("author").GetString()));

        var diff = await (await api.GetAsync(url + "/diff?from=1&to=2")).JsonAsync();
        Assert.Equal((1, 2, 2, 0), (diff.GetProperty("from").GetInt32(), diff.GetProperty("to").GetInt32(), diff.GetProperty("inserted").GetInt32(), diff.GetProperty("deleted").GetInt32()));
        var inserted = diff.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "Inserted").ToList();
        // The new paragraph and one blank line (which of the two blank lines is "new" is the diff's choice).
        Assert.Equal(["", "Win back lapsed customers."], inserted.Select(l => l.GetProperty("text").GetString()).Order());
        Assert.All(inserted, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("oldNumber").ValueKind));

        var latest = await (await api.GetAsync(url + "/diff")).JsonAsync();
        Assert.Equal((2, 3, "Charter", "CRM charter"),
            (latest.GetProperty("from").GetInt32(), latest.GetProperty("to").GetInt32(), latest.GetProperty("fromTitle").GetString(), latest.GetProperty("toTitle").GetString()));

        var old = await (await api.GetAsync(url + "/revisions/1")).JsonAsync();
        Assert.Equal(template, old.GetProperty("body").GetString());

        var list = await (await api.GetAsync($"/api/v1/projects/{projectId}/documents")).JsonAsync();
        Assert.Equal(docId, Assert.Single(list.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.False(list[0].TryGetProperty("body", out _));
    }

    [Fact]
    public async Task A_stale_edit_is_a_409_problem_and_the_newer_text_is_kept()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var projectId = await factory.InsertProjectAsync("ERP");
        var doc = await CreateAsync(api, projectId, new { title = "Plan", kind = "Plan", body = "first\n" });
        var url = $"/api/v1/projects/{projectId}/documents/{doc.GetProperty("id").GetInt64()}";

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(url, new { title = "Plan", body = "theirs\n", version = 1 })).StatusCode);
        var stale = await api.PutAsJsonAsync(url, new { title = "Plan", body = "mine\n", version = 1 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Contains("changed by someone else", (await stale.JsonAsync()).GetProperty("detail").GetString());
        var current = await (await api.GetAsync(url)).JsonAsync();
        Assert.Equal(("theirs\n", 2), (current.GetProperty("body").GetString(), current.GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task Saving_unchanged_text_makes_no_revision()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var projectId = await factory.InsertProjectAsync("NOP");
        var doc = await CreateAsync(api, projectId, new { title = "ADR 1", kind = "DecisionRecord", body = "Use SQLite.\n" });
        var url = $"/api/v1/projects/{projectId}/documents/{doc.GetProperty("id").GetInt64()}";

        var saved = await (await api.PutAsJsonAsync(url, new { title = "ADR 1", body = "Use SQLite.\r\n", version = 1 })).JsonAsync();

        Assert.Equal((1, 1L), (saved.GetProperty("revision").GetInt32(), saved.GetProperty("version").GetInt64()));
        Assert.Single((await (await api.GetAsync(url + "/revisions")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_is_a_400_problem_with_the_fields_named()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var projectId = await factory.InsertProjectAsync("BAD");

        var create = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/documents", new { title = "", kind = "Other", fromTemplate = true });
        var doc = await CreateAsync(api, projectId, new { title = "Notes", kind = "Other" });
        var update = await api.PutAsJsonAsync($"/api/v1/projects/{projectId}/documents/{doc.GetProperty("id").GetInt64()}", new { title = "Notes", body = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        var errors = (await create.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("fromTemplate", out _));
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        Assert.True((await update.JsonAsync()).GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task A_document_asked_for_under_another_project_is_404()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var projectId = await factory.InsertProjectAsync("ONE");
        var otherId = await factory.InsertProjectAsync("TWO");
        var docId = (await CreateAsync(api, projectId, new { title = "Plan", kind = "Plan" })).GetProperty("id").GetInt64();

        foreach (var path in new[] { "", "/revisions", "/diff", "/revisions/1" })
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/projects/{otherId}/documents/{docId}{path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/projects/{otherId}/documents/{docId}", new { title = "x", body = "y", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/projects/999/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/projects/{projectId}/documents/{docId}/diff?from=1&to=5")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_reads_documents_but_cannot_create_or_edit_them()
    {
        using var factory = new TsPmoFactory();
        var admin = await factory.CreateAdminApiAsync();
        var projectId = await factory.InsertProjectAsync("VIEW");
        var doc = await CreateAsync(admin, projectId, new { title = "Charter", kind = "Charter", body = "text\n" });
        await factory.SignedInAsAsync("val@example.com", "Viewer");
        var viewer = factory.CreateClient().WithToken(await factory.CreateClient().TokenAsync("val@example.com", "secret-password-1"));
        var url = $"/api/v1/projects/{projectId}/documents";

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{url}/{doc.GetProperty("id").GetInt64()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(url, new { title = "Mine", kind = "Other" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewer.PutAsJsonAsync($"{url}/{doc.GetProperty("id").GetInt64()}", new { title = "Charter", body = "changed\n", version = 1 })).StatusCode);

        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_document_revision"));
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM core_audit WHERE entity_type = 'document' AND project_id = @projectId", new { projectId }));
    }
}
