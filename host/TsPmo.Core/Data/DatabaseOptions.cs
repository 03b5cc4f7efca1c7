namespace TsPmo.Core.Data;

/// <summary>Where the SQLite database lives; from <c>ConnectionStrings:TsPmo</c>.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultConnectionString = "Data Source=data/tspmo.db";

    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>How long a writer waits for another writer before giving up.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
