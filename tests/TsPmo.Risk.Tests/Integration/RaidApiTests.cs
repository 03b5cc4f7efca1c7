using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Risk.Tests;

/// <summary>The Risk module's RAID log API: issues, assumptions, dependencies, and a risk that occurs becoming an issue.</summary>
public sealed class RaidApiTests
{
    private static async Task<(TsPmoFactory Factory, HttpClient Api, long ProjectId)> ProjectAsync()
    {
        var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        return (factory, api, await CreateProjectAsync(api, "Identity platform", "IDP-1"));
    }

    private static async Task<long> CreateProjectAsync(HttpClient api, string name, string code)
    {
        var response = await api.PostAsJsonAsync("/api/v1/projects", new { name, code, methodology = "agile" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    private static async Task<long> PersonAsync(TsPmoFactory factory, string name)
    {
        await using var db = new SqliteConnection(factory.ConnectionString);
        return await db.ExecuteScalarAsync<long>("""
            INSERT INTO core_person (name, created_at, updated_at) VALUES (@name, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z') RETURNING id
            """, new { name });
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    [Fact]
    public async Task Issues_are_created_listed_by_status_updated_with_their_version_and_stale_edits_get_409()
    {
        var (factory, api, id) = await ProjectAsync();
        using var lifetime = factory;
        var owner = await PersonAsync(factory, "Dana Owner");
        var url = $"/api/v1/projects/{id}/risk/issues";

        var issue = await CreatedAsync(await api.PostAsJsonAsync(url, new { title = "SSO login fails for contractors", severity = "high", ownerId = owner, dueDate = "2030-05-01" }));
        Assert.Equal("High", issue.GetProperty("severity").GetString());
        Assert.Equal("Open", issue.GetProperty("status").GetString());
        Assert.Equal("Dana Owner", issue.GetProperty("ownerName").GetString());
        Assert.Equal("2030-05-01", issue.GetProperty("dueDate").GetString());
        var issueId = issue.GetProperty("id").GetInt64();
        await CreatedAsync(await api.PostAsJsonAsync(url, new { title = "Audit log gaps", severity = "Low", status = "InProgress" }));

        Assert.Equal(2, (await OkAsync(await api.GetAsync(url))).GetArrayLength());
        var inProgress = await OkAsync(await api.GetAsync($"{url}?status=InProgress"));
        Assert.Equal("Audit log gaps", Assert.Single(inProgress.EnumerateArray()).GetProperty("title").GetString());

        var resolved = await OkAsync(await api.PutAsJsonAsync($"{url}/{issueId}", new
        {
            title = "SSO login fails for contractors", severity = "High", ownerId = owner, status = "Resolved", resolution = "Contractor IdP federated.", version = 1,
        }));
        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        Assert.Equal(2, resolved.GetProperty("version").GetInt64());

        var stale = await api.PutAsJsonAsync($"{url}/{issueId}", new { title = "Overwrite", severity = "Low", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Contractor IdP federated.", (await OkAsync(await api.GetAsync($"{url}/{issueId}"))).GetProperty("resolution").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{url}/999")).StatusCode);
        Assert.Equal(3, await factory.ScalarAsync("SELECT COUNT(*) FROM core_audit WHERE module_id = 'risk' AND project_id = @id", new { id }));
    }

    [Fact]
    public async Task Bad_issues_get_field_errors_and_nothing_is_written()
    {
        var (factory, api, id) = await ProjectAsync();
        using var lifetime = factory;
        var url = $"/api/v1/projects/{id}/risk/issues";

        var unknown = await api.PostAsJsonAsync(url, new { title = "Outage", severity = "Apocalyptic" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Low, Medium, High, Critical", (await unknown.JsonAsync()).GetProperty("errors").GetProperty("severity")[0].GetString());

        var noResolution = await api.PostAsJsonAsync(url, new { title = "Outage", severity = "Critical", status = "Closed" });
        Assert.Equal(HttpStatusCode.BadRequest, noResolution.StatusCode);
        Assert.True((await noResolution.JsonAsync()).GetProperty("errors").TryGetProperty("resolution", out _));

        var many = await (await api.PostAsJsonAsync(url, new { title = "", ownerId = 4242, severity = "Low" })).JsonAsync();
        Assert.True(many.GetProperty("errors").TryGetProperty("title", out _), many.ToString());

        var noOwner = await api.PostAsJsonAsync(url, new { title = "Outage", severity = "Low", ownerId = 4242 });
        Assert.Equal(HttpStatusCode.BadRequest, noOwner.StatusCode);
        Assert.True((await noOwner.JsonAsync()).GetProperty("errors").TryGetProperty("ownerId", out _));

        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM risk_issue"));
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM core_audit WHERE module_id = 'risk'"));
    }

    [Fact]
    public async Task Assumptions_are_recorded_validated_by_the_current_user_and_updated_with_their_version()
    {
        var (factory, api, id) = await ProjectAsync();
        using var lifetime = factory;
        var url = $"/api/v1/projects/{id}/risk/assumptions";

        var assumption = await CreatedAsync(await api.PostAsJsonAsync(url, new { title = "The vendor's API supports SCIM", description = "Per the sales deck." }));
        var assumptionId = assumption.GetProperty("id").GetInt64();
        Assert.False(assumption.GetProperty("validated").GetBoolean());

        var validated = await OkAsync(await api.PostAsync($"{url}/{assumptionId}/validate", null));
        Assert.True(validated.GetProperty("validated").GetBoolean());
        Assert.False(string.IsNullOrEmpty(validated.GetProperty("validatedBy").GetString()));
        Assert.NotEqual(JsonValueKind.Null, validated.GetProperty("validatedAt").ValueKind);
        var version = validated.GetProperty("version").GetInt64();

        var edited = await OkAsync(await api.PutAsJsonAsync($"{url}/{assumptionId}", new { title = "The vendor's API supports SCIM 2.0", version }));
        Assert.Equal("The vendor's API supports SCIM 2.0", edited.GetProperty("title").GetString());
        Assert.True(edited.GetProperty("validated").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"{url}/{assumptionId}", new { title = "Stale", version })).StatusCode);

        var unvalidated = await OkAsync(await api.PostAsync($"{url}/{assumptionId}/unvalidate", null));
        Assert.False(unvalidated.GetProperty("validated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, unvalidated.GetProperty("validatedBy").ValueKind);
        Assert.Single((await OkAsync(await api.GetAsync(url))).EnumerateArray());

        var bad = await api.PostAsJsonAsync(url, new { title = " " });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("title", out _));
        Assert.Equal(1, await factory.ScalarAsync("SELECT COUNT(*) FROM risk_assumption"));
    }

    [Fact]
    public async Task Dependencies_name_another_project_or_a_vendor_and_are_updated_with_their_version()
    {
        var (factory, api, id) = await ProjectAsync();
        using var lifetime = factory;
        var other = await CreateProjectAsync(api, "Network refresh", "NET-1");
        var url = $"/api/v1/projects/{id}/risk/dependencies";

        var onProject = await CreatedAsync(await api.PostAsJsonAsync(url, new { title = "New VPN concentrators", onProjectId = other, neededBy = "2030-03-01" }));
        Assert.Equal("Network refresh", onProject.GetProperty("onProjectName").GetString());
        Assert.Equal("Open", onProject.GetProperty("status").GetString());
        var onVendor = await CreatedAsync(await api.PostAsJsonAsync(url, new { title = "Signed DPA", vendor = "Acme IdP", status = "AtRisk" }));
        Assert.Equal("Acme IdP", onVendor.GetProperty("vendor").GetString());
        Assert.Equal(2, (await OkAsync(await api.GetAsync(url))).GetArrayLength());

        var depId = onProject.GetProperty("id").GetInt64();
        var updated = await OkAsync(await api.PutAsJsonAsync($"{url}/{depId}", new { title = "New VPN concentrators", onProjectId = other, status = "OnTrack", version = 1 }));
        Assert.Equal("OnTrack", updated.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"{url}/{depId}", new { title = "x", vendor = "y", version = 1 })).StatusCode);

        async Task<JsonElement> ErrorsAsync(object body)
        {
            var response = await api.PostAsJsonAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("errors");
        }
        Assert.Contains("exactly one", (await ErrorsAsync(new { title = "Nothing" })).GetProperty("onProjectId")[0].GetString());
        Assert.Contains("exactly one", (await ErrorsAsync(new { title = "Both", onProjectId = other, vendor = "Acme" })).GetProperty("onProjectId")[0].GetString());
        Assert.Contains("itself", (await ErrorsAsync(new { title = "Self", onProjectId = id })).GetProperty("onProjectId")[0].GetString());
        Assert.Contains("no project", (await ErrorsAsync(new { title = "Ghost", onProjectId = 9999 })).GetProperty("onProjectId")[0].GetString());
        Assert.True((await ErrorsAsync(new { title = "Odd", vendor = "Acme", status = "Someday" })).TryGetProperty("status", out _));
        Assert.Equal(2, await factory.ScalarAsync("SELECT COUNT(*) FROM risk_dependency"));
    }

    [Fact]
    public async Task A_risk_that_occurs_becomes_a_linked_issue_once()
    {
        var (factory, api, id) = await ProjectAsync();
        using var lifetime = factory;
        long riskId;
        await using (var db = new SqliteConnection(factory.ConnectionString))
            riskId = await db.ExecuteScalarAsync<long>("""
                INSERT INTO risk_risk (project_id, title, description, category, probability, impact, created_at, updated_at)
                VALUES (@id, 'Vendor misses the SCIM release', 'Their roadmap slipped twice.', 'Vendor', 3, 4, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')
                RETURNING id
                """, new { id });

        var issue = await CreatedAsync(await api.PostAsync($"/api/v1/projects/{id}/risk/risks/{riskId}/occurred", null));
        Assert.Equal(riskId, issue.GetProperty("fromRiskId").GetInt64());
        Assert.Equal("Vendor misses the SCIM release", issue.GetProperty("title").GetString());
        Assert.Equal("Their roadmap slipped twice.", issue.GetProperty("description").GetString());
        Assert.Equal("High", issue.GetProperty("severity").GetString()); // 3 × 4 = 12
        Assert.Equal("Occurred", await factory.ScalarTextAsync("SELECT status FROM risk_risk WHERE id = @riskId", new { riskId }));

        var again = await api.PostAsync($"/api/v1/projects/{id}/risk/risks/{riskId}/occurred", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already occurred", (await again.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(1, await factory.ScalarAsync("SELECT COUNT(*) FROM risk_issue"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/projects/{id}/risk/risks/999/occurred", null)).StatusCode);
    }
}
