using System.Globalization;
using Dapper;
using TsPmo.Sdk.Data;

namespace TsPmo.Risk.Raid;

/// <summary>
/// A risk that happened: it is marked Occurred and becomes an issue that keeps the link (risk_issue.from_risk_id),
/// both in one transaction, so the register never shows an occurred risk without its issue.
/// </summary>
public sealed class RiskOccurrence(RaidContext raid, IssueService issues)
{
    /// <summary>The risk columns this needs; settable properties because Dapper's constructor matching wants SQLite's exact types.</summary>
    internal sealed class RiskRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public int Probability { get; init; }
        public int Impact { get; init; }
        public string Status { get; init; } = "";
        public long? OwnerId { get; init; }
    }

    public async Task<Issue> RecordAsync(long projectId, long riskId, CancellationToken ct = default)
    {
        await raid.RequireEditAsync(projectId, ct);
        await using var connection = await raid.Connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var risk = await connection.QuerySingleOrDefaultAsync<RiskRow>("""
            SELECT id, title, description, probability, impact, status, owner_person_id AS OwnerId
            FROM risk_risk WHERE id = @riskId AND project_id = @projectId
            """, new { riskId, projectId }, tx) ?? throw new NotFoundException("Risk", riskId.ToString(CultureInfo.InvariantCulture));
        var existing = await connection.ExecuteScalarAsync<long?>("SELECT id FROM risk_issue WHERE from_risk_id = @riskId", new { riskId }, tx);
        if (existing is { } issueId)
            throw new RuleViolationException($"\"{risk.Title}\" has already occurred and became issue {issueId}: update that issue instead.");
        if (risk.Status is not ("Open" or "Monitoring"))
            throw new RuleViolationException($"\"{risk.Title}\" is {risk.Status}: only an open or monitored risk can occur.");

        var now = raid.Stamp();
        await connection.ExecuteAsync("UPDATE risk_risk SET status = 'Occurred', updated_at = @now, version = version + 1 WHERE id = @riskId",
            new { now, riskId }, tx);
        var fields = new IssueFields(risk.Title, risk.Description, RaidRules.SeverityFor(risk.Probability, risk.Impact), risk.OwnerId, null,
            IssueStatus.Open, null);
        var id = await IssueService.InsertAsync(connection, tx, projectId, fields, riskId, now);
        await raid.WriteAuditAsync(connection, tx, projectId, "risk", riskId, "occurred", new { risk.Status }, new { Status = "Occurred", IssueId = id }, ct);
        await raid.WriteAuditAsync(connection, tx, projectId, "issue", id, "created", null, new { fields, FromRiskId = riskId }, ct);
        await tx.CommitAsync(ct);
        return await issues.GetAsync(projectId, id, ct);
    }
}
