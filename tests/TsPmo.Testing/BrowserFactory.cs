using Microsoft.Playwright;

namespace TsPmo.Testing;

/// <summary>
/// Starts headless Chromium: <c>TSPMO_CHROMIUM</c> if set, else <c>/usr/bin/chromium</c>, else a browser
/// installed by Playwright; otherwise fails with how to install one.
/// </summary>
public static class BrowserFactory
{
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (IPlaywright Playwright, IBrowser Browser)? _shared;

    /// <summary>
    /// One Chromium for the whole test process (collections of the browser tests run one after another); each
    /// test opens a fresh browser context on it, so no cookie or storage crosses tests. A browser that died is relaunched.
    /// </summary>
    public static async Task<IBrowser> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is { } running && running.Browser.IsConnected) return running.Browser;
            if (_shared is { } dead) dead.Playwright.Dispose();
            _shared = await LaunchAsync();
            return _shared.Value.Browser;
        }
        finally { Gate.Release(); }
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var configured = Environment.GetEnvironmentVariable("TSPMO_CHROMIUM");
        var executable = !string.IsNullOrWhiteSpace(configured) ? configured
            : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
            : null;
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = Args,
            });
            return (playwright, browser);
        }
        catch (PlaywrightException ex)
        {
            playwright.Dispose();
            throw new InvalidOperationException(
                "No Chromium to drive. Install one (Debian: `apt-get install -y chromium`), or point TSPMO_CHROMIUM at a " +
                "Chromium binary, or run `pwsh bin/Debug/net10.0/playwright.ps1 install chromium`. " + ex.Message, ex);
        }
    }
}
