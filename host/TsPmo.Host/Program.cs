using TsPmo.Host.Shell.Cli;
using TsPmo.Host.Shell.Startup;

var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArgs);
var registry = builder.AddTsPmo();

var app = builder.Build();
app.UseTsPmo(registry);

if (command.Command is not null)
{
    try
    {
        return await command.RunAsync(app);
    }
    catch (Exception ex) when (ex is IOException or TsPmo.Core.Data.MigrationException or Microsoft.Data.Sqlite.SqliteException)
    {
        Console.Error.WriteLine(ex.Message);
        return 1;
    }
}

await app.RunAsync();
return 0;
