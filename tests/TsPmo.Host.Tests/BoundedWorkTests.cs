using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Waterfall.Tests;

namespace TsPmo.Host.Tests;

/// <summary>
/// Bounded work: numbers past their type's range, JSON nested too deep, uploads past an import's size (also chunked,
/// without a Content-Length), imports and diffs past their caps are clear 400 problems or field messages, never a 500,
/// and change nothing.
/// </summary>
public sealed class BoundedWorkTests
{
    // A Scrum project and a story through the API (the same two calls TsPmo.Scrum.Tests makes; here they only give the limits something to hit).
    private static async Task<(TsPmoFactory Factory, HttpClient Api, long ProjectId)> ScrumProjectAsync(string code)
    {
        var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var project = await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Web shop " + code, code, methodology = "scrum" })).JsonAsync();
        return (factory, api, project.GetProperty("id").GetInt64());
    }

    private static async Task<long> ItemAsync(HttpClient api, long projectId, string title, decimal points)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/scrum/items", new { title, type = "story", points });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A body of unknown length, so the client sends it chunked, as a hostile client would.</summary>
    private sealed class ChunkedContent(byte[] bytes, string mediaType) : HttpContent
    {
        public ChunkedContent Typed() { Headers.ContentType = new MediaTypeHeaderValue(mediaType); return this; }
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();
        protected override bool TryComputeLength(out long length) { length = -1; return false; }
    }

    [Fact]
    public async Task Numbers_past_their_range_in_json_are_400_problems_and_nothing_is_written()
    {
        var (factory, api, id) = await ScrumProjectAsync("BIG-1");
        using var _ = factory;
        var url = $"/api/v1/projects/{id}/scrum/items";

        Assert.Contains("$.points", await ProblemAsync(await api.PostAsync(url, Json("""{"title":"Huge","type":"story","points":1e400}"""))));
        Assert.Contains("Story points are 0 to 1,000", await ProblemAsync(await api.PostAsync(url, Json("""{"title":"Huge","type":"story","points":99999999999999999999}"""))));
        Assert.Contains("$.estimateHours", await ProblemAsync(await api.PostAsync(url, Json("""{"title":"Huge","type":"story","estimateHours":1e400}"""))));
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM scrum_item"));

        // A PATCH reads its document itself: the same answer.
        var item = await ItemAsync(api, id, "Fine", 3);
        await ProblemAsync(await api.PatchAsync($"{url}/{item}", Json("""{"points":99999999999999999999}""")));
        await ProblemAsync(await api.PatchAsync($"{url}/{item}", Json("""{"points":1e400}""")));
        Assert.Equal(3, await factory.ScalarAsync("SELECT points FROM scrum_item WHERE id = @item", new { item }));

        // Budgets: past decimal's range, and past what minor units can hold.
        var projects = "/api/v1/projects";
        Assert.Contains("$.businessValue", await ProblemAsync(await api.PostAsync(projects, Json("""{"name":"Valued","code":"VAL-1","methodology":"agile","businessValue":99999999999999999999}"""))));
        await ProblemAsync(await api.PostAsync(projects, Json("""{"name":"Rich","code":"RICH-1","methodology":"agile","budget":{"amount":1e400,"currency":"EUR"}}""")));
        var body = await ProblemAsync(await api.PostAsync(projects, Json("""{"name":"Rich","code":"RICH-2","methodology":"agile","budget":{"amount":79228162514264337593543950335,"currency":"EUR"}}""")));
        Assert.Contains("The budget is limited to 1,000,000,000,000", body);
        Assert.Contains("limited to", await ProblemAsync(await api.PostAsync(projects, Json("""{"name":"Rich","code":"RICH-3","methodology":"agile","budget":{"amount":92233720368547758.07,"currency":"EUR"}}"""))));
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM core_project WHERE code LIKE 'RICH-%'"));
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_limit_is_a_400_problem()
    {
        var (factory, api, id) = await ScrumProjectAsync("DEEP-1");
        using var _ = factory;
        var deep = new string('[', 200) + new string(']', 200);
        var body = await ProblemAsync(await api.PostAsync($"/api/v1/projects/{id}/scrum/items", Json($$"""{"title":"Deep","type":"story","extra":{{deep}}}""")));
        Assert.Contains("depth", body);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM scrum_item"));
    }

    [Fact]
    public async Task A_chunked_upload_cannot_get_past_an_import_size_limit()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var kanban = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Kanban", code = "CHK-1", methodology = "agile" })).JsonAsync()).GetProperty("id").GetInt64();
        var plan = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Plan", code = "CHK-2", methodology = "waterfall" })).JsonAsync()).GetProperty("id").GetInt64();

        var csv = Encoding.UTF8.GetBytes("Title,Created\n" + string.Concat(Enumerable.Repeat("A card with a long enough title to fill the file quickly,2026-01-05\n", 80_000)));
        Assert.True(csv.Length > 5_000_000);
        var response = await api.PostAsync($"/api/v1/projects/{kanban}/agile/import", new ChunkedContent(csv, "text/csv").Typed());
        Assert.Contains("The file is larger than 5 MB", await ProblemAsync(response));
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM agile_card"));

        var xml = new byte[21_000_000];
        Array.Fill(xml, (byte)' ');
        response = await api.PostAsync($"/api/v1/projects/{plan}/waterfall/import", new ChunkedContent(xml, "application/xml").Typed());
        Assert.Contains("The file is larger than 20 MB", await ProblemAsync(response));
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_task"));

        // The page's upload: the message next to the field, nothing imported.
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var token = await browser.AntiforgeryTokenAsync($"/Projects/{kanban}/Agile/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(csv), "Upload", "cards.csv" },
        };
        var page = await browser.PostAsync($"/Projects/{kanban}/Agile/Import", form);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("The file is larger than 5 MB", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM agile_card"));
    }

    /// <summary>The host on a real Kestrel port (TestServer enforces no body limit) with a small body limit.</summary>
    private sealed class KestrelFactory : TsPmoFactory
    {
        public KestrelFactory()
        {
            UseKestrel(0);
            StartServer();
            BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.Single().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
        }

        public string BaseUrl { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Limits:MaxRequestBodyBytes", "100000");
        }
    }

    [Fact]
    public async Task A_request_body_past_the_host_limit_is_refused_with_a_problem_or_a_field_message()
    {
        using var factory = new KestrelFactory();
        using var anonymous = new HttpClient { BaseAddress = new Uri(factory.BaseUrl) };
        using var api = new HttpClient { BaseAddress = new Uri(factory.BaseUrl) }.WithToken(await anonymous.TokenAsync());
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Docs", code = "BODY-1", methodology = "agile" })).JsonAsync()).GetProperty("id").GetInt64();

        // 150,000 characters: a valid document (the cap is 200,000), but past this host's 100,000-byte body limit, sent chunked.
        var huge = Encoding.UTF8.GetBytes("{\"title\":\"Huge\",\"kind\":\"Other\",\"body\":\"" + new string('x', 150_000) + "\"}");
        var body = await ProblemAsync(await api.PostAsync($"/api/v1/projects/{id}/documents", new ChunkedContent(huge, "application/json").Typed()), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("The request body is larger than the 100,000 bytes this server accepts", body);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM core_document"));
        // Under the limit the same request works, so the limit and not the document rules refused it.
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/documents", new { title = "Small", kind = "Other", body = new string('x', 50_000) })).StatusCode);

        // A page upload past the host limit: the status page says why, nothing is imported.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(factory.BaseUrl) };
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var token = await browser.AntiforgeryTokenAsync($"/Projects/{id}/Agile/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Title,Created\n" + string.Concat(Enumerable.Repeat("A card,2026-01-05\n", 10_000)))), "Upload", "cards.csv" },
        };
        var page = await browser.PostAsync($"/Projects/{id}/Agile/Import", form);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)page.StatusCode}: {html[..Math.Min(html.Length, 3000)]}");
        Assert.Contains("larger than this server accepts (0.1 MB a request", html);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM agile_card"));
    }

    [Fact]
    public async Task An_import_past_its_task_cap_and_a_diff_past_its_line_cap_say_so()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var plan = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Plan", code = "CAP-1", methodology = "waterfall" })).JsonAsync()).GetProperty("id").GetInt64();
        var xml = WaterfallMspdiXml.Large(5_001, new DateTime(2026, 3, 2, 8, 0, 0));
        var response = await api.PostAsync($"/api/v1/projects/{plan}/waterfall/import", new StringContent(xml, Encoding.UTF8, "application/xml"));
        Assert.Contains("one plan holds at most 5,000", await ProblemAsync(response));
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_task"));

        var docs = $"/api/v1/projects/{plan}/documents";
        var created = await (await api.PostAsJsonAsync(docs, new { title = "Log", kind = "Other", body = string.Concat(Enumerable.Range(0, 10_001).Select(i => $"line {i}\n")) })).JsonAsync();
        var doc = created.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"{docs}/{doc}", new { title = "Log", body = string.Concat(Enumerable.Range(0, 10_001).Select(i => $"row {i}\n")), version = 1 })).StatusCode);
        Assert.Contains("a comparison shows at most 10,000 lines per revision", await ProblemAsync(await api.GetAsync($"{docs}/{doc}/diff")));

        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var page = await browser.GetAsync($"/Projects/{plan}/Documents/{doc}/Diff");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("a comparison shows at most 10,000 lines per revision", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_huge_number_in_a_page_form_is_a_message_next_to_the_field()
    {
        using var factory = new TsPmoFactory(["TsPmo.Fixtures.Methodology"]);
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        foreach (var (budget, message) in new[] { ("1e400", "is not valid for Budget"), ("99999999999999999999999999999999", "is not valid for Budget"), ("5000000000000", "The budget is limited to") })
        {
            var response = await browser.PostFormAsync("/Projects/New", "/Projects/New",
                ("Input.Name", "Big"), ("Input.Code", "BIG-9"), ("Input.MethodologyId", "fixture-method"), ("Input.BusinessValue", "4"),
                ("Input.StrategicImportance", "3"), ("Input.Priority", "High"), ("Input.Currency", "EUR"), ("Input.Budget", budget),
                ("Input.BusinessValue", "99999999999999999999"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM core_project"));
    }
}
