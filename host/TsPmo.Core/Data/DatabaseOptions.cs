namespace TsPmo.Core.Data;

/// <summary>Where the SQLite database lives; from <c>ConnectionStrings:TsPmo</c>.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultConnectionString = "Data Source=data/tspmo.db";

    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>The store configured as <c>ConnectionStrings:TsPmo</c>, else <see cref="DefaultConnectionString"/>.</summary>
    public static DatabaseOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        new() { ConnectionString = Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(configuration, "TsPmo") ?? DefaultConnectionString };

    /// <summary>How long a writer waits for another writer before giving up.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
