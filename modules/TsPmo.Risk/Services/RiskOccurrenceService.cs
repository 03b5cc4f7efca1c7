using System.Globalization;
using Dapper;
using TsPmo.Risk.Domain;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Risk.Services;

/// <summary>
/// A risk that happened: it is marked Occurred and becomes an issue that keeps the link (risk_issue.from_risk_id),
/// both in one transaction, so the register never shows an occurred risk without its issue.
/// </summary>
public sealed class RiskOccurrenceService(IUnitOfWork work, IProjectDirectory projects, IProjectPermissions permissions, IssueService issues)
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
        await projects.RequireAsync(projectId, null, ct);
        await permissions.DemandAsync(projectId, RiskModule.EditRaid, ct);
        long id;
        await using (var w = await work.BeginAsync(RiskModule.Id, projectId, ct))
        {
            var risk = await w.SingleOrDefaultAsync<RiskRow>("""
                SELECT id, title, description, probability, impact, status, owner_person_id AS OwnerId
                FROM risk_risk WHERE id = @riskId AND project_id = @projectId
                """, new { riskId, projectId }, ct) ?? throw new NotFoundException("Risk", riskId.ToString(CultureInfo.InvariantCulture));
            var existing = await w.ScalarAsync<long?>("SELECT id FROM risk_issue WHERE from_risk_id = @riskId", new { riskId }, ct);
            if (existing is { } issueId)
                throw new RuleViolationException($"\"{risk.Title}\" has already occurred and became issue {issueId}: update that issue instead.");
            if (risk.Status is not ("Open" or "Monitoring"))
                throw new RuleViolationException($"\"{risk.Title}\" is {risk.Status}: only an open or monitored risk can occur.");

            await w.ExecuteAsync("UPDATE risk_risk SET status = 'Occurred', updated_at = @now, version = version + 1 WHERE id = @riskId",
                new { now = w.Stamp, riskId }, ct);
            var fields = new IssueFields(risk.Title, risk.Description, RaidRules.SeverityFor(risk.Probability, risk.Impact), risk.OwnerId, null,
                IssueStatus.Open, null);
            id = await IssueService.InsertAsync(w, projectId, fields, riskId, ct);
            await w.AuditAsync("risk", riskId, "occurred", new { risk.Status }, new { Status = "Occurred", IssueId = id }, ct);
            await w.AuditAsync("issue", id, "created", null, new { fields, FromRiskId = riskId }, ct);
            await w.CommitAsync(ct);
        }
        return await issues.GetAsync(projectId, id, ct);
    }
}
