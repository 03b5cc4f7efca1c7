using System.Data.Common;
using Dapper;
using TsPmo.Sdk.Audit;

namespace TsPmo.Sdk.Data;

/// <summary>
/// One write in progress (from <see cref="IUnitOfWork.BeginAsync"/>): the connection and transaction every statement
/// runs in, one instant for every row it stamps, the audit trail written in the same transaction, and the standard
/// refusal of a stale edit. A write method then reads as its rule and its SQL.
/// </summary>
public sealed class WriteScope : IAsyncDisposable
{
    private readonly IAuditLog _audit;
    private readonly string _moduleId;
    private bool _committed;

    internal WriteScope(DbConnection connection, DbTransaction transaction, IAuditLog audit, string moduleId, long? projectId, DateTimeOffset now, string actorName)
    {
        Connection = connection;
        Transaction = transaction;
        _audit = audit;
        _moduleId = moduleId;
        ProjectId = projectId;
        Now = now;
        Stamp = StoredTime.Format(now);
        ActorName = actorName;
    }

    public DbConnection Connection { get; }
    public DbTransaction Transaction { get; }

    /// <summary>The project the change belongs to (its activity feed shows the audit entries); null for organization-wide changes.</summary>
    public long? ProjectId { get; }

    /// <summary>The instant of this write: one for every row it stamps.</summary>
    public DateTimeOffset Now { get; }

    /// <summary><see cref="Now"/> as stored (<see cref="StoredTime"/>), for <c>created_at</c>/<c>updated_at</c> parameters.</summary>
    public string Stamp { get; }

    /// <summary>The display name of the person making the change, for rows that record who did it.</summary>
    public string ActorName { get; }

    public Task<int> ExecuteAsync(string sql, object? param = null, CancellationToken ct = default) =>
        Connection.ExecuteAsync(new CommandDefinition(sql, param, Transaction, cancellationToken: ct));

    public Task<T?> ScalarAsync<T>(string sql, object? param = null, CancellationToken ct = default) =>
        Connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, param, Transaction, cancellationToken: ct));

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? param = null, CancellationToken ct = default) =>
        (await Connection.QueryAsync<T>(new CommandDefinition(sql, param, Transaction, cancellationToken: ct))).AsList();

    public Task<T?> SingleOrDefaultAsync<T>(string sql, object? param = null, CancellationToken ct = default) =>
        Connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, param, Transaction, cancellationToken: ct));

    /// <summary>
    /// Runs an UPDATE (or DELETE) guarded by the row's version (<c>… WHERE id = @id AND version = @Version</c>): any
    /// count but one row means someone else changed or removed it since it was read — the standard conflict, nothing written.
    /// </summary>
    public async Task ExecuteVersionedAsync(string sql, object param, string entity, string name, CancellationToken ct = default)
    {
        if (await ExecuteAsync(sql, param, ct) != 1) throw new ConcurrencyConflictException(entity, name);
    }

    /// <summary>Refuses an edit based on <paramref name="expected"/> when the row is at <paramref name="actual"/>; no expectation passes.</summary>
    public static void CheckVersion(long? expected, long actual, string entity, string name)
    {
        if (expected is { } v && v != actual) throw new ConcurrencyConflictException(entity, name);
    }

    /// <summary>Records the change in the audit trail, in this transaction: committed with it, or not at all.</summary>
    public Task AuditAsync(string entityType, string entityId, string action, object? before, object? after, CancellationToken ct = default) =>
        _audit.WriteAsync(Connection, Transaction, new AuditEntry(_moduleId, entityType, entityId, action, before, after) { ProjectId = ProjectId }, ct);

    /// <inheritdoc cref="AuditAsync(string, string, string, object?, object?, CancellationToken)"/>
    public Task AuditAsync(string entityType, long entityId, string action, object? before, object? after, CancellationToken ct = default) =>
        AuditAsync(entityType, entityId.ToString(System.Globalization.CultureInfo.InvariantCulture), action, before, after, ct);

    public async Task CommitAsync(CancellationToken ct = default)
    {
        await Transaction.CommitAsync(ct);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            try { await Transaction.RollbackAsync(); }
            catch (InvalidOperationException) { } // already completed
        }
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
