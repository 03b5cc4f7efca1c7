using System.Text.Json;
using Microsoft.Playwright;

namespace TsPmo.Testing;

/// <summary>
/// One app server and one browser page for a test, with screenshots and accessibility checks. The page lives in a
/// fresh browser context of the process's shared Chromium (<see cref="BrowserFactory.SharedAsync"/>).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private IBrowserContext? _context;

    private BrowserSession(bool bootstrapAdmin, bool withMethodology, IReadOnlyDictionary<string, string>? settings) =>
        Server = new AppServer(bootstrapAdmin, withMethodology, settings);

    public AppServer Server { get; }
    public IPage Page { get; private set; } = null!;

    public static async Task<BrowserSession> StartAsync(bool bootstrapAdmin = false, bool withMethodology = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        var session = new BrowserSession(bootstrapAdmin, withMethodology, settings);
        var browser = await BrowserFactory.SharedAsync();
        var context = session._context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = session.Server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        // axe-core goes in as an init script: injected by the browser itself, so the app's strict CSP stays on.
        await context.AddInitScriptAsync(scriptPath: Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js"));
        session.Page = await context.NewPageAsync();
        return session;
    }

    /// <summary>Saves a full-page screenshot as a test artifact (<c>TSPMO_SCREENSHOTS</c>, else <c>screenshots/</c> beside the tests).</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("TSPMO_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Runs axe-core's WCAG 2.0/2.1 A and AA rules on the current page and fails on any violation.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa'] } });" +
            " return r.violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"Accessibility violations on {Page.Url}:\n" + string.Join("\n", violations));
    }

    /// <summary>Polls (every 100 ms, up to 10 s) until every Chart.js chart on the page has finished drawing: instead of a fixed pause before a screenshot.</summary>
    public async Task WaitForChartsAsync() =>
        await Page.WaitForFunctionAsync(
            "() => !window.Chart || Object.values(Chart.instances).every(c => !Chart.animator.running(c))",
            null, new PageWaitForFunctionOptions { PollingInterval = 100, Timeout = 10_000 });

    public async Task SignInAsync(string email = AppServer.AdminEmail, string password = AppServer.AdminPassword)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null) await _context.DisposeAsync();
        Server.Dispose();
    }
}
