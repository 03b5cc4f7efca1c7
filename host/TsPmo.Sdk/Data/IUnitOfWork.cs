namespace TsPmo.Sdk.Data;

/// <summary>
/// Where every write starts: <c>await using var w = await work.BeginAsync(MyModule.Id, projectId, ct);</c> … SQL and
/// <c>w.AuditAsync(...)</c> … <c>await w.CommitAsync(ct);</c>. Disposing without committing rolls back.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// An open connection and transaction, the instant of the write, and an audit trail bound to
    /// <paramref name="moduleId"/> and (when given) the project the change belongs to.
    /// </summary>
    Task<WriteScope> BeginAsync(string moduleId, long? projectId = null, CancellationToken ct = default);
}
