using System.Data.Common;
using Dapper;
using TsPmo.Waterfall.Domain;

namespace TsPmo.Waterfall.Data;

/// <summary>The SQL of recorded earned value (one row per baseline and status date, money in minor units).</summary>
internal static class EarnedValueStore
{
    public static async Task<IReadOnlyList<EarnedValueRecord>> RecordsAsync(DbConnection connection, long projectId, long baselineId) =>
        (await connection.QueryAsync<(string, long, long, long)>("""
            SELECT status_date, pv_minor, ev_minor, ac_minor FROM waterfall_evm_record WHERE project_id = @projectId AND baseline_id = @baselineId ORDER BY status_date
            """, new { projectId, baselineId })).Select(r => new EarnedValueRecord(LocalTime.ParseDay(r.Item1), r.Item2 / 100m, r.Item3 / 100m, r.Item4 / 100m)).ToList();

    /// <summary>Keeps the figures of a status date, replacing an earlier record of the same date.</summary>
    public static Task UpsertAsync(DbConnection connection, DbTransaction tx, long projectId, long baselineId, EarnedValueRecord record, string now) =>
        connection.ExecuteAsync("""
            INSERT INTO waterfall_evm_record (project_id, baseline_id, status_date, pv_minor, ev_minor, ac_minor, recorded_at)
            VALUES (@projectId, @baselineId, @date, @pv, @ev, @ac, @now)
            ON CONFLICT (baseline_id, status_date) DO UPDATE SET pv_minor = excluded.pv_minor, ev_minor = excluded.ev_minor, ac_minor = excluded.ac_minor, recorded_at = excluded.recorded_at
            """, new
        {
            projectId, baselineId, date = LocalTime.Day(record.StatusDate), pv = (long)(record.Pv * 100), ev = (long)(record.Ev * 100),
            ac = (long)(record.Ac * 100), now,
        }, tx);
}
