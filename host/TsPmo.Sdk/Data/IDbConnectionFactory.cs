using System.Data.Common;

namespace TsPmo.Sdk.Data;

/// <summary>
/// The only way a module reaches the database. Connections come open, with foreign keys enforced and a
/// busy timeout set; dispose them when done. Use Dapper with parameters, never string-built SQL.
/// </summary>
public interface IDbConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken ct = default);
}
