using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace TsPmo.Host.Tests;

/// <summary>
/// User values that modules compose into Markdown (a project name, a risk title, an override comment) stay words in
/// the status report, the portfolio pack and their html, whatever Markdown, HTML or htmx they carry; and every page
/// is served with a CSP that allows no inline script or style.
/// </summary>
public sealed class HostileMarkdownTests
{
    private const string HostileName = "Evil **bold** [x](javascript:alert(1)) {hx-get=/__pwned hx-trigger=load} | # <img src=x onerror=alert(1)>";
    private const string HostileRisk = "- [pwn](/__pwned){hx-post=/api/v1/users hx-trigger=load} ![p](https://evil.example/p.png) <script>alert(1)</script>";
    private const string HostileComment = "Fine.\n\n# Injected heading\n<div hx-get=\"/__pwned\" hx-trigger=\"load\">x</div> | cell";

    // Inside any tag: an attribute a user chose (the renderer's own container carries hx-disable, checked apart).
    private static readonly Regex ActiveAttribute = new(@"<[^>]*\s(hx-(?!disable\b)[\w-]+|on\w+|style)\s*=", RegexOptions.IgnoreCase);

    [Fact]
    public async Task A_status_report_with_a_hostile_project_name_risk_title_and_override_comment_renders_inert()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var created = await api.PostAsJsonAsync("/api/v1/projects", new { name = HostileName, code = "EVIL-1", methodology = "agile", startDate = "2026-01-05" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks",
            new { title = HostileRisk, category = "Technical", probability = 4, impact = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/reporting/overrides",
            new { dimension = "Schedule", rag = "Amber", comment = HostileComment, expiresOn = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd") })).StatusCode);

        var response = await api.PostAsJsonAsync($"/api/v1/projects/{id}/reporting/status-reports", new { summary = "All **good**." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var report = await response.JsonAsync();
        var markdown = report.GetProperty("markdown").GetString()!;
        var html = report.GetProperty("html").GetString()!;

        // The composed Markdown keeps its own structure: one title, the user's words escaped on their lines.
        Assert.Single(Regex.Matches(markdown, "^# ", RegexOptions.Multiline));
        Assert.DoesNotContain("\n# Injected", markdown);
        Assert.Contains(@"Evil \*\*bold\*\* \[x\](javascript:alert(1)) \{hx-get\=/\_\_pwned hx-trigger\=load\} \| \# \<img src\=x onerror\=alert(1)\>", markdown);

        AssertInert(html);
        Assert.Contains("<strong>good</strong>", html); // the manager's summary is Markdown on purpose
        Assert.Contains("Evil **bold** [x](javascript:alert(1)) {hx-get=/__pwned hx-trigger=load} | # &lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("- [pwn](/__pwned){hx-post=/api/v1/users hx-trigger=load} ![p](https://evil.example/p.png) &lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("Fine. # Injected heading &lt;div hx-get=\"/__pwned\" hx-trigger=\"load\"&gt;x&lt;/div&gt; | cell", html);

        // The same report on its page, and in the portfolio pack with its "without a report" line.
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var reportId = report.GetProperty("id").GetInt64();
        var page = await browser.GetStringAsync($"/Projects/{id}/Reporting/Reports/{reportId}");
        AssertInert(Between(page, "<article", "</article>"));
        var other = await api.PostAsJsonAsync("/api/v1/projects", new { name = "[Other](javascript:alert(2)) **x**", code = "EVIL-2", methodology = "agile", startDate = "2026-01-05" });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var pack = await browser.GetStringAsync("/Reporting/Pack");
        var packBody = Between(pack, "<article", "</article>");
        AssertInert(packBody);
        Assert.Contains("Without a report yet: [Other](javascript:alert(2)) **x** (EVIL-2).", packBody);
    }

    [Fact]
    public async Task Pages_forbid_inline_script_and_style_and_the_printable_report_allows_only_its_own_style_sheet()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var created = await api.PostAsJsonAsync("/api/v1/projects", new { name = "Print", code = "PRN-1", methodology = "agile", startDate = "2026-01-05" });
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        var reportId = (await (await api.PostAsJsonAsync($"/api/v1/projects/{id}/reporting/status-reports", new { summary = "x" })).JsonAsync()).GetProperty("id").GetInt64();
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        var overview = await browser.GetAsync($"/Projects/{id}");
        var csp = overview.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("style-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("style=\"", await overview.Content.ReadAsStringAsync());

        var print = await browser.GetAsync($"/Projects/{id}/Reporting/Reports/{reportId}?handler=Print");
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
        var printCsp = print.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", printCsp);
        Assert.DoesNotContain("script-src", printCsp); // default-src 'none' forbids every script
        // The hash in the policy is the hash of the document's one style element, so the browser applies it.
        var doc = await print.Content.ReadAsStringAsync();
        var style = Regex.Match(doc, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));
        Assert.Contains($"'sha256-{hash}'", printCsp);
    }

    private static void AssertInert(string html)
    {
        Assert.Contains("hx-disable", html);
        Assert.False(ActiveAttribute.IsMatch(html), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:alert", Regex.Replace(html, ">[^<]*<", "><")); // only as text, never in a tag
        Assert.DoesNotContain("evil.example", Regex.Replace(html, ">[^<]*<", "><"));
        Assert.True(Regex.Matches(html, "<h1").Count <= 1, html); // the report's own title at most, no injected heading
    }

    private static string Between(string page, string start, string end)
    {
        var from = page.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start} in the page");
        return page[from..(page.IndexOf(end, from, StringComparison.Ordinal) + end.Length)];
    }
}
