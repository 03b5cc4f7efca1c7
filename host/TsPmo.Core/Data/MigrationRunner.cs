using System.Data.Common;
using Dapper;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.Data;

/// <summary>
/// Applies each module's migrations: every file once, in order, one transaction each, recorded in the
/// <c>core_migration</c> ledger with its checksum. An applied file whose text changed is refused before
/// anything runs, because the database no longer matches what the file says it did.
/// </summary>
public sealed class MigrationRunner(IDbConnectionFactory connections, TimeProvider time)
{
    private const string LedgerDdl = """
        CREATE TABLE IF NOT EXISTS core_migration (
            module_id  TEXT NOT NULL,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            PRIMARY KEY (module_id, name)
        );
        """;

    /// <summary>Applies the pending scripts of one module and returns how many ran.</summary>
    public async Task<int> ApplyAsync(string moduleId, IReadOnlyList<MigrationScript> scripts, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await connection.ExecuteAsync(LedgerDdl);

        var applied = (await connection.QueryAsync<(string Name, string Checksum)>(
                "SELECT name, checksum FROM core_migration WHERE module_id = @moduleId", new { moduleId }))
            .ToDictionary(r => r.Name, r => r.Checksum, StringComparer.Ordinal);

        foreach (var script in scripts)
        {
            if (applied.TryGetValue(script.Name, out var checksum) && checksum != script.Checksum)
                throw new MigrationException(moduleId, script.Name,
                    $"Migration {script.Name} of module '{moduleId}' was changed after it was applied (checksum {checksum[..12]}… in the ledger, {script.Checksum[..12]}… now). " +
                    "Applied migrations are forward-only: restore the original file and add a new migration for the change.");
        }

        var pending = scripts.Where(s => !applied.ContainsKey(s.Name)).ToList();
        // Every pending file is read before the first runs, so a module that would write another owner's table gets
        // none of its migrations applied. Core owns the schema and is not held to a prefix.
        if (moduleId != "core")
        {
            var prefix = TablePrefix(moduleId);
            foreach (var script in pending)
            {
                if (MigrationOwnership.ForeignTables(script.Sql, prefix) is { Count: > 0 } foreign)
                    throw new MigrationException(moduleId, script.Name,
                        $"Migration {script.Name} of module '{moduleId}' was refused: it writes {string.Join(", ", foreign)}, which the module does not own " +
                        $"(a module may only create and change tables starting with '{prefix}'; it may reference core tables in foreign keys). Nothing was applied.");
            }
        }

        var ran = 0;
        foreach (var script in pending)
        {
            await ApplyOneAsync(connection, script, ct);
            ran++;
        }
        return ran;
    }

    private async Task ApplyOneAsync(DbConnection connection, MigrationScript script, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            var before = await TablesAsync(connection, tx);
            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: tx, cancellationToken: ct));
            var prefix = TablePrefix(script.ModuleId);
            var foreign = (await TablesAsync(connection, tx)).Except(before)
                .Where(t => !t.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (foreign.Count > 0)
                throw new MigrationException(script.ModuleId, script.Name,
                    $"Migration {script.Name} of module '{script.ModuleId}' creates {string.Join(", ", foreign)}: a module's tables must start with '{prefix}'.");

            await connection.ExecuteAsync(
                "INSERT INTO core_migration (module_id, name, checksum, applied_at) VALUES (@ModuleId, @Name, @Checksum, @At)",
                new { script.ModuleId, script.Name, script.Checksum, At = DapperTypeHandlers.Format(time.GetUtcNow()) }, tx);
            await tx.CommitAsync(ct);
        }
        catch (MigrationException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            await tx.RollbackAsync(CancellationToken.None);
            throw new MigrationException(script.ModuleId, script.Name,
                $"Migration {script.Name} of module '{script.ModuleId}' failed and was rolled back: {ex.Message}", ex);
        }
    }

    /// <summary>The prefix every table of a module starts with: its id with '-' as '_', then '_'.</summary>
    public static string TablePrefix(string moduleId) => moduleId.Replace('-', '_') + "_";

    private static async Task<HashSet<string>> TablesAsync(DbConnection connection, DbTransaction tx) =>
        (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'", transaction: tx))
        .ToHashSet(StringComparer.Ordinal);
}
