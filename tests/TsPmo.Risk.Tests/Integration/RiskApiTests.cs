using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TsPmo.Risk.Tests;

/// <summary>The Risk module's API, loaded from the plugins folder like in production.</summary>
public sealed class RiskApiTests
{
    private static async Task<(TsPmoFactory Factory, HttpClient Api, long ProjectId, long PersonId)> ProjectAsync()
    {
        var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var project = await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Payments platform", code = "PAY-1", methodology = "agile" })).JsonAsync();
        var person = await (await api.PostAsJsonAsync("/api/v1/people", new { name = "Rita Owner", email = "rita@example.com", weeklyCapacityHours = 40 })).JsonAsync();
        return (factory, api, project.GetProperty("id").GetInt64(), person.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_risk_is_scored_reassessed_with_history_and_gets_actions()
    {
        var (factory, api, id, owner) = await ProjectAsync();
        using var _ = factory;

        var created = await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks", new
        {
            title = "Card vendor changes its API", category = "Vendor", probability = 4, impact = 4, owner, mitigation = "Contract clause",
            residualProbability = 2, residualImpact = 3, proximity = "2030-01-15",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var risk = await created.JsonAsync();
        Assert.Equal((16, "Critical", 6, "Medium"), (risk.GetProperty("score").GetInt32(), risk.GetProperty("level").GetString(),
            risk.GetProperty("residualScore").GetInt32(), risk.GetProperty("residualLevel").GetString()));
        var riskId = risk.GetProperty("id").GetInt64();

        var patched = await api.PatchAsJsonAsync($"/api/v1/projects/{id}/risk/risks/{riskId}", new { probability = 5, version = 1 });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(20, (await patched.JsonAsync()).GetProperty("score").GetInt32());
        var stale = await api.PatchAsJsonAsync($"/api/v1/projects/{id}/risk/risks/{riskId}", new { probability = 3, version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var action = await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks/{riskId}/actions", new { title = "Sign SLA", owner, dueDate = "2020-01-01" });
        Assert.Equal(HttpStatusCode.Created, action.StatusCode);

        var detail = await (await api.GetAsync($"/api/v1/projects/{id}/risk/risks/{riskId}")).JsonAsync();
        Assert.Equal([16, 20], detail.GetProperty("assessments").EnumerateArray().Select(a => a.GetProperty("score").GetInt32()));
        Assert.Equal("Sign SLA", detail.GetProperty("actions")[0].GetProperty("title").GetString());
        Assert.Equal("Rita Owner", detail.GetProperty("risk").GetProperty("ownerName").GetString());
        Assert.Equal(1, (await (await api.GetAsync($"/api/v1/projects/{id}/risk/risks")).JsonAsync()).GetArrayLength());

        var kinds = (await (await api.GetAsync($"/api/v1/risk/warnings?projectId={id}")).JsonAsync()).EnumerateArray().Select(w => w.GetProperty("kind").GetString()).ToList();
        Assert.Contains("OverdueAction", kinds);
        Assert.Contains("ScoreRose", kinds);
        Assert.True(await factory.ScalarAsync("SELECT COUNT(*) FROM core_audit WHERE module_id = 'risk'") >= 3);
    }

    [Fact]
    public async Task Bad_input_is_a_400_with_field_errors_and_writes_nothing()
    {
        var (factory, api, id, _) = await ProjectAsync();
        using var __ = factory;

        var bad = await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks", new { title = "x", category = "Weather", probability = 6, impact = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("probability", out _) && errors.TryGetProperty("category", out _), errors.ToString());

        var worse = await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks", new
        {
            title = "Outsourcing", category = "Resource", probability = 2, impact = 2, residualProbability = 3, residualImpact = 3,
        });
        Assert.Equal(HttpStatusCode.BadRequest, worse.StatusCode);
        Assert.True((await worse.JsonAsync()).GetProperty("errors").TryGetProperty("residualReason", out _));

        var noOwner = await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks", new { title = "Ghost", category = "Cost", probability = 2, impact = 2, owner = 999 });
        Assert.True((await noOwner.JsonAsync()).GetProperty("errors").TryGetProperty("owner", out _));
        var wrongResponse = await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks", new { title = "Up", category = "Scope", probability = 2, impact = 2, response = "Exploit" });
        Assert.True((await wrongResponse.JsonAsync()).GetProperty("errors").TryGetProperty("response", out _));

        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM risk_risk"));
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM risk_assessment"));
    }

    [Fact]
    public async Task The_heat_map_is_five_rows_of_five_counts_by_impact_then_probability_and_the_portfolio_filters()
    {
        var (factory, api, id, _) = await ProjectAsync();
        using var _f = factory;
        async Task Add(string title, string category, int p, int i, int? rp = null, int? ri = null) => Assert.Equal(HttpStatusCode.Created,
            (await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks", new { title, category, probability = p, impact = i, residualProbability = rp, residualImpact = ri })).StatusCode);
        await Add("A", "Security", 5, 5, 1, 2);
        await Add("B", "Security", 5, 5);
        await Add("C", "Cost", 1, 1);

        var map = await (await api.GetAsync($"/api/v1/risk/heatmap?projectId={id}")).JsonAsync();
        Assert.Equal("impact 5→1", map.GetProperty("rows").GetString());
        Assert.Equal("probability 1→5", map.GetProperty("columns").GetString());
        var cells = map.GetProperty("cells").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        Assert.Equal(5, cells.Length);
        Assert.All(cells, r => Assert.Equal(5, r.Length));
        Assert.Equal(2, cells[0][4]);
        Assert.Equal(1, cells[4][0]);

        var residual = (await (await api.GetAsync("/api/v1/risk/heatmap?residual=true")).JsonAsync()).GetProperty("cells");
        Assert.Equal(1, residual[0][4].GetInt32()); // B has no residual: counted by its inherent cell
        Assert.Equal(1, residual[3][0].GetInt32()); // A: probability 1, impact 2

        var page = await (await api.GetAsync($"/api/v1/risk/risks?category=Security&minScore=20&projectId={id}&status=Open&level=Critical&pageSize=1")).JsonAsync();
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/risk/risks?category=Weather")).StatusCode);
    }
}
