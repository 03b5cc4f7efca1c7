using TsPmo.Core.Data;
using TsPmo.Host.Startup;

namespace TsPmo.Host.Cli;

/// <summary>
/// <c>dotnet run --project host/TsPmo.Host -- &lt;command&gt;</c>: <c>migrate</c> brings the database up to date
/// and exits; <c>backup &lt;file&gt;</c> writes an online backup (safe while the app runs). Without a command
/// the web app starts.
/// </summary>
public sealed record CommandLine(string? Command, string[] CommandArgs, string[] HostArgs)
{
    private static readonly string[] Commands = ["migrate", "backup"];

    public static CommandLine Parse(string[] args) =>
        args.Length > 0 && Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase)
            ? new CommandLine(args[0].ToLowerInvariant(), args[1..].TakeWhile(a => !a.StartsWith('-')).ToArray(), args[1..].SkipWhile(a => !a.StartsWith('-')).ToArray())
            : new CommandLine(null, [], args);

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
                return 0;
            case "backup":
                Console.Error.WriteLine("Usage: backup <file>   (the file must not exist yet)");
                return 2;
            default:
                return 2;
        }
    }
}
