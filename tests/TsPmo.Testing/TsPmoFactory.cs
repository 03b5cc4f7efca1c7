using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace TsPmo.Testing;

/// <summary>
/// The real host over a fresh SQLite file in a temporary folder, with a plugins folder of its own: a copy of
/// the shipped plugins plus any fixture plugins a test asks for, loaded exactly as in production.
/// </summary>
public class TsPmoFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "admin-password-1";

    public TsPmoFactory(string[]? fixtures = null, bool bootstrapAdmin = true, bool shippedPlugins = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "tspmo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(PluginsPath);
        if (shippedPlugins)
            foreach (var plugin in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "plugins")))
                TestFolders.Copy(plugin, Path.Combine(PluginsPath, Path.GetFileName(plugin)));
        foreach (var fixture in fixtures ?? [])
            TestFolders.Copy(Path.Combine(AppContext.BaseDirectory, "fixture-plugins", fixture), Path.Combine(PluginsPath, fixture));
        BootstrapAdmin = bootstrapAdmin;
    }

    public string Root { get; }
    public string DatabasePath => Path.Combine(Root, "tspmo.db");
    public string PluginsPath => Path.Combine(Root, "plugins");
    public string ConnectionString => $"Data Source={DatabasePath}";
    public bool BootstrapAdmin { get; }
    /// <summary>
    /// "Testing" behaves as Production does (the host checks only for Development) and in addition honours
    /// <see cref="PasswordHashIterations"/>, which Production ignores.
    /// </summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>PBKDF2 iterations for accounts created by the tests (Security:PasswordHashIterations); null keeps the shipped cost.</summary>
    public int? PasswordHashIterations { get; init; } = 1;

    /// <summary>
    /// Sign-in attempts per window (a minute) per client and per account. Test clients all share one "address", so tests that
    /// sign in often get a generous limit; the rate-limit tests set null to run with the shipped limits.
    /// </summary>
    public int? SignInLimit { get; init; } = 10_000;

    /// <summary>Extra configuration, e.g. <c>Security:Hsts</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:TsPmo", ConnectionString);
        builder.UseSetting("Plugins:Path", PluginsPath);
        if (SignInLimit is { } limit)
        {
            builder.UseSetting("Security:SignInRateLimit:PerClient", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Security:SignInRateLimit:PerAccount", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (PasswordHashIterations is { } iterations)
            builder.UseSetting("Security:PasswordHashIterations", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (BootstrapAdmin)
        {
            builder.UseSetting("TSPMO_ADMIN_EMAIL", AdminEmail);
            builder.UseSetting("TSPMO_ADMIN_PASSWORD", AdminPassword);
        }
    }

    /// <summary>An API client holding a bearer token of the bootstrapped administrator.</summary>
    public async Task<HttpClient> CreateAdminApiAsync() => CreateClient().WithToken(await CreateClient().TokenAsync());

    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>One host shared by the tests of a class that only read.</summary>
public sealed class SharedTsPmoFactory : TsPmoFactory
{
    public SharedTsPmoFactory() : base() { }
}
