using Microsoft.Playwright;

namespace TsPmo.E2E.Infrastructure;

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
