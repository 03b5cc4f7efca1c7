using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace TsPmo.Testing;

/// <summary>
/// The real host on a loopback Kestrel port over a fresh SQLite file, with the shipped plugins loaded from
/// the plugins folder, for a real browser to drive.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tspmo-e2e", Guid.NewGuid().ToString("N"));

    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "admin-password-1";
    private readonly bool _bootstrapAdmin;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Extra configuration for this server only (e.g. a job's interval), so no test changes the process environment.</param>
    public AppServer(bool bootstrapAdmin = false, bool withMethodology = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        _bootstrapAdmin = bootstrapAdmin;
        _settings = settings ?? new Dictionary<string, string>();
        Directory.CreateDirectory(_root);
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "plugins"), PluginsPath);
        if (withMethodology)
            CopyFolder(Path.Combine(AppContext.BaseDirectory, "fixture-plugins", "TsPmo.Fixtures.Methodology"), Path.Combine(PluginsPath, "TsPmo.Fixtures.Methodology"));
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
    }

    public string BaseUrl { get; }
    private string PluginsPath => Path.Combine(_root, "plugins");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // "Testing" behaves as Production does, and lets the tests make password hashing cheap (docs/adr/0016).
        builder.UseEnvironment("Testing");
        builder.UseSetting("Security:PasswordHashIterations", "1");
        builder.UseSetting("ConnectionStrings:TsPmo", $"Data Source={Path.Combine(_root, "tspmo.db")}");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Plugins:Path", PluginsPath);
        // Every browser shares the loopback address: the shipped sign-in rate limit would throttle a test run.
        builder.UseSetting("Security:SignInRateLimit:PerClient", "10000");
        builder.UseSetting("Security:SignInRateLimit:PerAccount", "10000");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_bootstrapAdmin)
        {
            builder.UseSetting("TSPMO_ADMIN_EMAIL", AdminEmail);
            builder.UseSetting("TSPMO_ADMIN_PASSWORD", AdminPassword);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
