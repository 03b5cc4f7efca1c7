using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;

namespace TsPmo.Sdk.Data;

/// <summary>The SDK's <see cref="IUnitOfWork"/> over the host's connections, audit trail, clock and current user (registered by the host).</summary>
public sealed class UnitOfWork(IDbConnectionFactory connections, IAuditLog audit, IOrganizationClock clock, ICurrentUser user) : IUnitOfWork
{
    public async Task<WriteScope> BeginAsync(string moduleId, long? projectId = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(moduleId);
        var connection = await connections.OpenAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            return new WriteScope(connection, transaction, audit, moduleId, projectId, clock.UtcNow, user.DisplayName);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
