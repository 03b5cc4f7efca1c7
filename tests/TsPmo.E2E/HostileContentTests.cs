using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TsPmo.E2E;

/// <summary>
/// Issue #12's hostile corpus: script, event-handler, htmx-attribute, <c>javascript:</c>/<c>data:</c> URL, Markdown
/// attribute and entity tricks stored through every text field of every module (through the API), then every page
/// that shows them opened in real Chromium as an administrator, whose session and antiforgery token are what an
/// attacker would borrow. Nothing may run: no dialog, no CSP violation, no request to <c>/__pwned</c>, no request
/// other than a GET, none to another origin; and no element of rendered user content carries an active attribute.
/// </summary>
public sealed class HostileContentTests(ITestOutputHelper output)
{
    // Fits every title field (the shortest limit is 100 characters): one of each kind of trick.
    private const string Title = "<img src=x onerror=alert(1)>{hx-get=/__pwned hx-trigger=load} **B** [l](javascript:alert(2))";

    // For every Markdown field: each line is a separate way to make the reader's browser act.
    private const string Corpus = """
        <script>alert('script')</script>
        <img src=x onerror="alert('img')">
        <svg onload="alert('svg')"><circle r="1"/></svg>
        <iframe src="/__pwned/iframe"></iframe>
        <div hx-get="/__pwned/div" hx-trigger="load">htmx div</div>
        <form hx-post="/api/v1/users" hx-trigger="load" hx-vals='{"email":"x@evil.example","displayName":"x","role":"Admin","password":"pwned-password-1"}'></form>

        # Heading {hx-get=/__pwned/heading hx-trigger=load onclick=alert('attr')}

        Paragraph {hx-post=/api/v1/users hx-trigger=load hx-vals='{"role":"Admin"}'}

        [js link](javascript:alert('link')) [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [tab](java	script:alert('tab'))
        ![js img](javascript:alert('imgjs')) ![data img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) ![remote](https://evil.example/pixel.png)
        [ref link][evil] and [fine ref][ok] and [x](/__pwned/link){hx-get=/__pwned/link hx-trigger=load}

        [evil]: javascript:alert('ref')
        [ok]: https://example.com/ok

        <javascript:alert('autolink')> <https://example.com/auto> www.example.com
        &lt;script&gt;alert('entity')&lt;/script&gt; &#60;img src=x onerror=alert('num')&#62; [entity](&#106;avascript:alert('ent'))

        | a {hx-get=/__pwned/cell hx-trigger=load} | b |
        |---|--:|
        | <b onmouseover=alert('cell')>x</b> | [c](JaVaScRiPt:alert('case')) |

        - [ ] task {onclick=alert('task')}

        ::: {hx-get=/__pwned/container hx-trigger=load}
        container
        :::

        ```js {hx-get=/__pwned/code hx-trigger=load}
        code
        ```

        Note.[^1]

        [^1]: Footnote {hx-get=/__pwned/footnote hx-trigger=load}
        """;

    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    // Every attribute inside rendered user content that could act, and anywhere on the page any hx-*/on* attribute
    // carrying the corpus' markers (an encoding failure outside the Markdown containers).
    private const string FindActiveAttributes = """
        () => {
            const bad = [];
            for (const el of document.querySelectorAll('.user-content, .user-content *')) {
                for (const a of el.attributes) {
                    const n = a.name.toLowerCase();
                    const container = el.classList.contains('user-content') && el.parentElement && !el.parentElement.closest('.user-content');
                    if ((n.startsWith('hx-') && !(container && n === 'hx-disable')) || n.startsWith('on') || n === 'style'
                        || ((n === 'href' || n === 'src') && /^\s*(javascript|data|vbscript):/i.test(a.value)))
                        bad.push(el.tagName + ' ' + n + '=' + a.value);
                }
            }
            for (const el of document.querySelectorAll('*')) {
                for (const a of el.attributes) {
                    const n = a.name.toLowerCase();
                    if ((n.startsWith('hx-') || n.startsWith('on')) && /pwned|alert|api\/v1\/users/i.test(a.value)) bad.push('page: ' + el.tagName + ' ' + n + '=' + a.value);
                }
            }
            return bad;
        }
        """;

    [Fact]
    public async Task Hostile_text_in_every_field_executes_nothing_and_sends_nothing_on_any_page()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        var origin = new Uri(session.Server.BaseUrl);
        var clock = Stopwatch.StartNew();
        var pages = await SeedAsync(session.Server.BaseUrl);
        output.WriteLine($"Seeded through the API in {clock.ElapsedMilliseconds} ms; {pages.Count} pages to open.");
        clock.Restart();

        var dialogs = new List<string>();
        var unexpected = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{dialog.Type}: {dialog.Message} on {page.Url}");
            await dialog.DismissAsync();
        };
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "data" or "blob") return;
            if (request.Url.Contains("__pwned", StringComparison.OrdinalIgnoreCase) || request.Method != "GET"
                || url.Scheme != origin.Scheme || url.Host != origin.Host || url.Port != origin.Port)
                unexpected.Add($"{request.Method} {request.Url} from {page.Url}");
        };
        await page.AddInitScriptAsync(RecordViolations);
        await session.SignInAsync();
        // Signing in was a POST; from here on every request is counted.
        unexpected.Clear();

        var violations = new List<string>();
        var active = new List<string>();
        var containers = 0;
        foreach (var (url, rendersMarkdown) in pages)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response is { Status: 200 }, $"{url} answered {response?.Status}");
            // htmx processes the page when the DOM is ready, before the load event: a request an injected attribute
            // asked for "on load" has been issued by now; waiting for the network to go quiet lets a delayed trigger show itself too.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            violations.AddRange((await page.EvaluateAsync<string[]>("() => window.__cspViolations")).Select(v => $"{url}: {v}"));
            active.AddRange((await page.EvaluateAsync<string[]>(FindActiveAttributes)).Select(a => $"{url}: {a}"));
            var here = await page.Locator(".user-content").CountAsync();
            if (rendersMarkdown) Assert.True(here > 0, $"{url} shows no rendered user content: the corpus did not reach it");
            containers += here;
        }
        output.WriteLine($"Opened {pages.Count} pages in {clock.ElapsedMilliseconds} ms; {containers} rendered user-content containers checked.");
        await page.GotoAsync(pages.First(p => p.RendersMarkdown && p.Url.Contains("/Documents/")).Url);
        await session.ScreenshotAsync("hostile-corpus-document");

        // One assertion over all four, so a failure shows every way the corpus got through.
        Assert.True(dialogs.Count + violations.Count + unexpected.Count + active.Count == 0,
            $"Dialogs ({dialogs.Count}):\n{string.Join("\n", dialogs)}\nCSP violations ({violations.Count}):\n{string.Join("\n", violations)}\n" +
            $"Unexpected requests ({unexpected.Count}):\n{string.Join("\n", unexpected)}\nActive attributes ({active.Count}):\n{string.Join("\n", active)}");
        Assert.True(containers >= pages.Count(p => p.RendersMarkdown));
    }

    /// <summary>Stores the corpus through the API in every text field; returns every page that shows it.</summary>
    private static async Task<List<(string Url, bool RendersMarkdown)>> SeedAsync(string baseUrl)
    {
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var token = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { email = AppServer.AdminEmail, password = AppServer.AdminPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());

        async Task<JsonElement> Send(HttpMethod method, string url, object body)
        {
            var response = await api.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{method} {url} answered {(int)response.StatusCode}: {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        Task<JsonElement> Post(string url, object body) => Send(HttpMethod.Post, url, body);
        static long Id(JsonElement e) => e.GetProperty("id").GetInt64();

        var today = DateTime.UtcNow.Date;
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        var pages = new List<(string, bool)>();

        var person = Id(await Post("/api/v1/people", new { name = Title, email = "hostile@example.com", title = Title }));
        await Post($"/api/v1/people/{person}/time-off", new { start = Day(10), end = Day(12), reason = Title });
        pages.Add(("/People", false));
        pages.Add(($"/People/{person}", false));

        await Post("/api/v1/announcements/", new { title = Title, body = Corpus, pinned = true });
        pages.Add(("/Announcements", true));

        // One project per methodology, each named and described with the corpus.
        var projects = new Dictionary<string, long>();
        foreach (var (methodology, code) in new[] { ("agile", "EVIL-K"), ("scrum", "EVIL-S"), ("waterfall", "EVIL-W") })
        {
            var id = Id(await Post("/api/v1/projects", new
            {
                name = Title + " " + methodology, code, description = Corpus, methodology, startDate = Day(-30), targetDate = Day(60),
                ownerPersonId = person,
            }));
            projects[methodology] = id;
            await Post($"/api/v1/projects/{id}/members", new { personId = person, role = "Member" });
            var doc = Id(await Post($"/api/v1/projects/{id}/documents", new { title = Title, kind = "Other", body = Corpus }));
            pages.Add(($"/Projects/{id}", true));
            if (methodology != "agile") continue; // the pages below do not depend on the methodology
            pages.Add(($"/Projects/{id}/Documents", false));
            pages.Add(($"/Projects/{id}/Documents/{doc}", true));
            pages.Add(($"/Projects/{id}/Members", false));
            pages.Add(($"/Projects/{id}/Activity", false));
        }

        // Kanban: columns, cards with a description and a blocked reason.
        var kanban = projects["agile"];
        await Send(HttpMethod.Put, $"/api/v1/projects/{kanban}/agile/columns", new
        {
            columns = new object[]
            {
                new { name = "To do {hx-get=/__pwned}", policy = Title, started = false, done = false },
                new { name = "<b onclick=alert(1)>Doing</b>", wipLimit = 3, policy = Title, started = true, done = false },
                new { name = "Done **x**", policy = Title, started = false, done = true },
            },
        });
        var card = Id(await Post($"/api/v1/projects/{kanban}/agile/cards", new { title = Title, description = Corpus, assigneeId = person, blocked = true, blockedReason = Title }));
        pages.Add(($"/Projects/{kanban}/Agile/Board", false));
        pages.Add(($"/Projects/{kanban}/Agile/Cards/{card}", false));
        pages.Add(($"/Projects/{kanban}/Agile/Columns", false));
        pages.Add(($"/Projects/{kanban}/Agile/Metrics", false));
        pages.Add(($"/Projects/{kanban}/Agile/Forecast", false));

        // Scrum: items, a started sprint with a goal, a retro and its action.
        var scrum = projects["scrum"];
        var item = Id(await Post($"/api/v1/projects/{scrum}/scrum/items", new { title = Title, type = "Story", description = Corpus, acceptanceCriteria = Corpus, points = 3 }));
        var sprint = Id(await Post($"/api/v1/projects/{scrum}/scrum/sprints", new { name = Title, goal = Title, start = Day(-3), end = Day(10), capacityPoints = 20 }));
        await Post($"/api/v1/projects/{scrum}/scrum/sprints/{sprint}/items", new { itemId = item });
        await Post($"/api/v1/projects/{scrum}/scrum/sprints/{sprint}/start", new { });
        await Send(HttpMethod.Put, $"/api/v1/projects/{scrum}/scrum/sprints/{sprint}/retro", new { wentWell = Corpus, toImprove = Corpus, version = 0 });
        await Post($"/api/v1/projects/{scrum}/scrum/sprints/{sprint}/retro/actions", new { text = Title, ownerPersonId = person });
        pages.Add(($"/Projects/{scrum}/Scrum/Backlog", false));
        pages.Add(($"/Projects/{scrum}/Scrum/Items/{item}", true));
        pages.Add(($"/Projects/{scrum}/Scrum/Sprints", false));
        pages.Add(($"/Projects/{scrum}/Scrum/Sprints/{sprint}", false));
        pages.Add(($"/Projects/{scrum}/Scrum/Sprints/{sprint}/Report", false));
        pages.Add(($"/Projects/{scrum}/Scrum/Sprints/{sprint}/Retro", true));
        pages.Add(($"/Projects/{scrum}/Scrum/Board", false));
        pages.Add(($"/Projects/{scrum}/Scrum/Velocity", false));

        // Waterfall: tasks (a summary, a milestone), a baseline.
        var waterfall = projects["waterfall"];
        var task = Id(await Post($"/api/v1/projects/{waterfall}/waterfall/tasks", new { name = Title, durationDays = 5 }));
        await Post($"/api/v1/projects/{waterfall}/waterfall/tasks", new { name = "<svg onload=alert(1)> milestone", durationDays = 0, milestone = true });
        await Post($"/api/v1/projects/{waterfall}/waterfall/baselines", new { name = Title });
        pages.Add(($"/Projects/{waterfall}/Waterfall/Plan", false));
        pages.Add(($"/Projects/{waterfall}/Waterfall/Tasks/{task}", false));
        pages.Add(($"/Projects/{waterfall}/Waterfall/Gantt", false));
        pages.Add(($"/Projects/{waterfall}/Waterfall/Baselines", false));
        pages.Add(($"/Projects/{waterfall}/Waterfall/EarnedValue", false));

        // Risk and RAID on every project, an override with a hostile comment, then a status report of each.
        foreach (var id in projects.Values)
        {
            var risk = Id(await Post($"/api/v1/projects/{id}/risk/risks", new
            {
                title = Title, description = Corpus, category = "Technical", cause = Title, @event = Title, effect = Title, probability = 4, impact = 5,
                residualProbability = 2, residualImpact = 3, residualReason = Title, owner = person, response = "Mitigate", mitigation = Corpus, triggers = Corpus,
            }));
            await Post($"/api/v1/projects/{id}/risk/risks/{risk}/actions", new { title = Title, owner = person, dueDate = Day(-1) });
            var issue = Id(await Post($"/api/v1/projects/{id}/risk/issues", new { title = Title, description = Corpus, severity = "High", ownerId = person, dueDate = Day(5) }));
            var assumption = Id(await Post($"/api/v1/projects/{id}/risk/assumptions", new { title = Title, description = Corpus }));
            var dependency = Id(await Post($"/api/v1/projects/{id}/risk/dependencies", new { title = Title, vendor = Title, neededBy = Day(20), ownerId = person }));
            await Post($"/api/v1/projects/{id}/reporting/overrides", new { dimension = "Schedule", rag = "Amber", comment = Corpus, expiresOn = Day(30) });
            var report = Id(await Post($"/api/v1/projects/{id}/reporting/status-reports", new { summary = Corpus }));
            // Each report has its methodology's section; the risk pages are the same module for every project.
            pages.Add(($"/Projects/{id}/Reporting/Reports/{report}", true));
            if (id != projects["agile"]) continue;
            pages.Add(($"/Projects/{id}/Risk", false));
            pages.Add(($"/Projects/{id}/Risk/{risk}", false));
            pages.Add(($"/Projects/{id}/Risk/Raid", false));
            pages.Add(($"/Projects/{id}/Risk/Issues/{issue}", false));
            pages.Add(($"/Projects/{id}/Risk/Assumptions/{assumption}", false));
            pages.Add(($"/Projects/{id}/Risk/Dependencies/{dependency}", false));
            pages.Add(($"/Projects/{id}/Reporting", false));
        }

        // Organization-wide pages that list what was stored.
        pages.Add(("/", false));
        pages.Add(("/Projects", false));
        pages.Add(("/Risk", false));
        pages.Add(("/Reporting", false));
        pages.Add(("/Reporting/Projects", false));
        pages.Add(("/Reporting/Pack", true));
        return pages;
    }
}
