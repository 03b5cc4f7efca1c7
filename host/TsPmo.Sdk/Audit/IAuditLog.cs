using System.Data.Common;

namespace TsPmo.Sdk.Audit;

/// <summary>
/// The audit trail every module writes through. Pass the transaction of the change itself so the
/// record and the change are committed together, or neither is.
/// </summary>
public interface IAuditLog
{
    Task WriteAsync(DbConnection connection, DbTransaction? transaction, AuditEntry entry, CancellationToken ct = default);
}
