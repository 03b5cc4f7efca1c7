using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Core.Seeding;
using TsPmo.Sdk.Ports.Seeding;

namespace TsPmo.Host.Tests.Security;

/// <summary>
/// The demo organization with one Private project per methodology, the callers of <see cref="Caller"/> (each with a
/// bearer-token client for the API and a signed-in cookie client for pages), and the ids that fill a route's parameters.
/// </summary>
public sealed partial class MatrixWorld
{
    private readonly TsPmoFactory _factory;
    private readonly Dictionary<string, long> _projects = [];
    private readonly Dictionary<Caller, (HttpClient Api, HttpClient Pages, string? Token)> _clients = [];
    private long _otherProject;

    private MatrixWorld(TsPmoFactory factory) => _factory = factory;

    /// <summary>A route filled in: the URL to call and what the test needs to judge the answer.</summary>
    public sealed record Target(string Method, string Url, bool IsPage, bool NamesProject, bool MissingItem)
    {
        /// <summary>The body's type when the endpoint accepts only some (an import takes CSV or XML); JSON otherwise.</summary>
        public string? ContentType { get; init; }
    }

    public static async Task<MatrixWorld> CreateAsync(TsPmoFactory factory)
    {
        var world = new MatrixWorld(factory);
        var admin = factory.CreateBrowserClient();
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<PortfolioSeeder>().SeedAsync(SeedSize.Demo, force: false);
        await using var db = new SqliteConnection(factory.ConnectionString);
        foreach (var methodology in new[] { "scrum", "agile", "waterfall" })
            world._projects[methodology] = await db.ExecuteScalarAsync<long>(
                "SELECT id FROM core_project WHERE methodology_id = @methodology AND archived = 0 AND phase = 'Execution' ORDER BY id LIMIT 1", new { methodology });
        world._otherProject = await db.ExecuteScalarAsync<long>("SELECT id FROM core_project WHERE id NOT IN @ids ORDER BY id LIMIT 1", new { ids = world._projects.Values });
        await db.ExecuteAsync("UPDATE core_project SET visibility = 'Private' WHERE id IN @ids", new { ids = world._projects.Values });

        var callers = new (Caller Caller, string Role, string? ProjectRole)[]
        {
            (Caller.Pmo, "PMO", null), (Caller.Outsider, "Member", null), (Caller.ProjectViewer, "Member", "Viewer"),
            (Caller.ProjectMember, "Member", "Member"), (Caller.ProjectManager, "ProjectManager", "Manager"), (Caller.OrganizationViewer, "Viewer", "Member"),
        };
        foreach (var (caller, role, projectRole) in callers)
        {
            var email = caller.ToString().ToLowerInvariant() + "@matrix.example";
            var userId = await factory.UserAsync(email, role);
            var personId = await db.ExecuteScalarAsync<long>("""
                INSERT INTO core_person (name, email, user_id, created_at, updated_at) VALUES (@name, @email, @userId, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z')
                RETURNING id
                """, new { name = caller.ToString(), email, userId });
            var projects = projectRole is null ? [world._otherProject] : world._projects.Values.ToArray();
            await db.ExecuteAsync("INSERT INTO core_project_member (project_id, person_id, role, added_at) VALUES (@project, @personId, @role, '2026-01-01')",
                projects.Select(project => new { project, personId, role = projectRole ?? "Member" }));
            world._clients[caller] = await ClientsAsync(factory, email, PeopleSeed.Password);
        }
        world._clients[Caller.Admin] = await ClientsAsync(factory, TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        world._clients[Caller.SignedOut] = (factory.CreateClient(), factory.CreateBrowserClient(), null);
        return world;
    }

    private static async Task<(HttpClient, HttpClient, string?)> ClientsAsync(TsPmoFactory factory, string email, string password)
    {
        var api = factory.CreateClient().WithToken(await factory.CreateClient().TokenAsync(email, password));
        var pages = factory.CreateBrowserClient();
        await pages.SignInAsync(email, password);
        var home = await pages.GetStringAsync("/");
        var token = TokenMeta().Match(home) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        return (api, pages, token);
    }

    /// <summary>Fills the route's parameters with ids from the demo data (an item of the right project), or an id that does not exist.</summary>
    public Target Resolve(string key)
    {
        var space = key.IndexOf(' ');
        var method = key[..space];
        var route = key[(space + 1)..];
        var isPage = !route.StartsWith("/api", StringComparison.Ordinal) && !route.StartsWith("/health", StringComparison.Ordinal)
                     && !route.StartsWith("/openapi", StringComparison.Ordinal);
        var projectScoped = route.StartsWith("/Projects/{", StringComparison.Ordinal) || route.StartsWith("/api/v1/projects/{", StringComparison.Ordinal);
        var project = _projects[route.Contains("agile", StringComparison.OrdinalIgnoreCase) ? "agile"
            : route.Contains("waterfall", StringComparison.OrdinalIgnoreCase) ? "waterfall" : "scrum"];
        var missing = false;
        var url = Parameter().Replace(route, m =>
        {
            var name = m.Groups[1].Value;
            if (name is "id" or "projectId" && projectScoped) return project.ToString();
            long? id = name switch
            {
                "id" when route.Contains("eople", StringComparison.Ordinal) => Id("SELECT id FROM core_person ORDER BY id LIMIT 1"),
                "id" when route.Contains("/users/", StringComparison.Ordinal) => Id("SELECT MAX(id) FROM core_user LIMIT 1"),
                "id" when route.Contains("nnouncements", StringComparison.Ordinal) => Id("SELECT id FROM announcements_item ORDER BY id LIMIT 1"),
                "id" => null,
                "cardId" => Id("SELECT id FROM agile_card WHERE project_id = @project", project),
                "itemId" when route.Contains("/Risk/Issues/", StringComparison.Ordinal) => Id("SELECT id FROM risk_issue WHERE project_id = @project", project),
                "itemId" when route.Contains("/Risk/Assumptions/", StringComparison.Ordinal) => Id("SELECT id FROM risk_assumption WHERE project_id = @project", project),
                "itemId" when route.Contains("/Risk/Dependencies/", StringComparison.Ordinal) => Id("SELECT id FROM risk_dependency WHERE project_id = @project", project),
                "itemId" => Id("SELECT id FROM scrum_item WHERE project_id = @project", project),
                "sprintId" => Id("SELECT id FROM scrum_sprint WHERE project_id = @project", project),
                "taskId" => Id("SELECT id FROM waterfall_task WHERE project_id = @project", project),
                "riskId" => Id("SELECT id FROM risk_risk WHERE project_id = @project", project),
                "actionId" when route.Contains("retro-actions", StringComparison.Ordinal) =>
                    Id("SELECT id FROM scrum_retro_action WHERE project_id = @project", project),
                "actionId" => Id("SELECT a.id FROM risk_action a WHERE a.risk_id = (SELECT MIN(id) FROM risk_risk WHERE project_id = @project)", project),
                "docId" => Id("SELECT id FROM core_document WHERE project_id = @project", project),
                "reportId" => Id("SELECT id FROM reporting_status_report WHERE project_id = @project", project),
                "baselineId" => Id("SELECT id FROM waterfall_baseline WHERE project_id = @project", project),
                "issueId" => Id("SELECT id FROM risk_issue WHERE project_id = @project", project),
                "assumptionId" => Id("SELECT id FROM risk_assumption WHERE project_id = @project", project),
                "dependencyId" => Id("SELECT id FROM risk_dependency WHERE project_id = @project", project),
                "personId" => Id("SELECT person_id FROM core_project_member WHERE project_id = @project", project),
                "timeOffId" => Id("SELECT id FROM core_person_time_off WHERE person_id = (SELECT MIN(id) FROM core_person)"),
                "revision" => 1,
                _ => null,
            };
            if (name == "id" && route.StartsWith("/api/v1/modules", StringComparison.Ordinal)) return "announcements";
            if (name == "documentName") return "v1";
            if (name == "**rest") return "no/such/endpoint";
            if (id is null) { missing = true; return "987654321"; }
            return id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        return new Target(method == "*" ? "GET" : method, url, isPage, projectScoped, missing);
    }

    public async Task<HttpResponseMessage> SendAsync(Caller caller, Target target)
    {
        var (api, pages, token) = _clients[caller];
        var client = target.IsPage ? pages : api;
        var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url);
        if (target.Method != "GET")
        {
            if (target.IsPage)
                request.Content = new FormUrlEncodedContent(token is null ? [] : [new KeyValuePair<string, string>("__RequestVerificationToken", token)]);
            else
                request.Content = target.ContentType is { } type and not "application/json"
                    ? new StringContent("", Encoding.UTF8, type)
                    : new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return await client.SendAsync(request);
    }

    private long? Id(string sql, long project = 0)
    {
        using var db = new SqliteConnection(_factory.ConnectionString);
        return db.ExecuteScalar<long?>(sql + (sql.Contains("LIMIT", StringComparison.Ordinal) ? "" : " ORDER BY 1 LIMIT 1"), new { project });
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)(:[a-z]+)?\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]*)\"")]
    private static partial Regex TokenMeta();
}
