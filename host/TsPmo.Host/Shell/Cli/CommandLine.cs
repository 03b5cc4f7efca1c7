using TsPmo.Core.Data;
using TsPmo.Core.Seeding;
using TsPmo.Host.Shell.Startup;
using TsPmo.Sdk.Ports.Seeding;

namespace TsPmo.Host.Shell.Cli;

/// <summary>
/// <c>dotnet run --project host/TsPmo.Host -- &lt;command&gt;</c>:
/// <c>migrate</c> brings the database up to date; <c>backup &lt;file&gt;</c> writes an online backup (safe while the
/// app runs); <c>seed demo|large [--force]</c> fills the database with a demo organization or a large portfolio.
/// Without a command the web app starts. Other <c>--key=value</c> arguments configure the host as usual.
/// </summary>
public sealed record CommandLine(string? Command, string[] CommandArgs, bool Force, string[] HostArgs)
{
    private static readonly string[] Commands = ["migrate", "backup", "seed"];

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0 || !Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase))
            return new CommandLine(null, [], false, args);
        var rest = args[1..];
        return new CommandLine(
            args[0].ToLowerInvariant(),
            rest.TakeWhile(a => !a.StartsWith('-')).ToArray(),
            rest.Contains("--force", StringComparer.Ordinal),
            rest.SkipWhile(a => !a.StartsWith('-')).Where(a => a != "--force").ToArray());
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        var ct = CancellationToken.None;
        switch (Command)
        {
            case "migrate":
                await app.Services.GetRequiredService<HostInitializer>().MigrateAsync(ct);
                Console.WriteLine("The database is up to date.");
                return 0;
            case "backup" when CommandArgs.Length == 1:
                await SqliteBackup.BackupAsync(app.Services.GetRequiredService<SqliteConnectionFactory>(), CommandArgs[0], ct);
                Console.WriteLine($"Backed up to {Path.GetFullPath(CommandArgs[0])}.");
                // Not copied beside the backup on purpose: the certificate protects the keys inside it, so the two are kept apart.
                Console.WriteLine($"Also keep a copy of the data-protection certificate {app.Services.GetRequiredService<TsPmo.Host.Shell.Security.DataProtectionCertificateInfo>().Path} " +
                    "(and its password, if set), stored apart from the database backup: without it, sign-in cookies and protected data of this backup cannot be read.");
                return 0;
            case "seed" when CommandArgs is ["demo" or "large"]:
                return await SeedAsync(app, CommandArgs[0] == "demo" ? SeedSize.Demo : SeedSize.Large, ct);
            case "backup":
                Console.Error.WriteLine("Usage: backup <file>   (the file must not exist yet)");
                return 2;
            case "seed":
                Console.Error.WriteLine("Usage: seed demo|large [--force]   (--force replaces existing portfolio data)");
                return 2;
            default:
                return 2;
        }
    }

    private async Task<int> SeedAsync(WebApplication app, SeedSize size, CancellationToken ct)
    {
        await app.Services.GetRequiredService<HostInitializer>().MigrateAsync(ct);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<PortfolioSeeder>().SeedAsync(size, Force, ct);
            Console.WriteLine($"Seeded {result.People} people, {result.Projects} projects and {result.Documents} documents in {result.Elapsed.TotalSeconds:0.0} s.");
            foreach (var error in result.ModuleErrors) Console.Error.WriteLine($"A module's demo data failed: {error}");
            return result.ModuleErrors.Count == 0 ? 0 : 1;
        }
        catch (SeedRefusedException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
