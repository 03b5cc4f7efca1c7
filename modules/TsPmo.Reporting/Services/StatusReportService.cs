using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Engine;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Time;

namespace TsPmo.Reporting.Services;

/// <summary>
/// Generates, stores (numbered per project) and reads status reports. Every enabled module's section is asked in
/// turn; one that throws is replaced by a visible line and logged, and the rest of the report is generated.
/// </summary>
public sealed class StatusReportService(
    IDbConnectionFactory connections,
    PortfolioService portfolio,
    IEnabledContributions<IStatusReportSection> sections,
    IProjectPermissions permissions,
    IProjectDirectory directory,
    ICurrentUser user,
    IUnitOfWork work,
    IMarkdownRenderer markdown,
    IOrganizationClock clock,
    IModuleCatalog catalog,
    ILogger<StatusReportService> logger)
{
    public const int MaxSummary = 10_000;

    private const string Columns = """
        id, project_id AS ProjectId, version, summary, overall_rag AS OverallRag, dimensions_json AS DimensionsJson, markdown,
        generated_at AS GeneratedAt, generated_by AS GeneratedBy, scheduled_slot AS ScheduledSlot
        """;

    /// <summary>A report generated now by the current user (project managers, PMO, Admin).</summary>
    public async Task<StatusReport> GenerateAsync(long projectId, string? summary, CancellationToken ct = default)
    {
        await directory.RequireAsync(projectId, null, ct);
        await permissions.DemandAsync(projectId, ReportingModule.ManageReports, ct);
        if (summary?.Length > MaxSummary) throw new DomainValidationException("summary", $"The summary must be at most {MaxSummary} characters.");
        return (await GenerateCoreAsync(projectId, summary ?? "", user.DisplayName, null, ct))!;
    }

    /// <summary>
    /// The scheduled report of <paramref name="slot"/>, unless this project already has one for it (then null):
    /// generation is idempotent per project per slot. The summary is the project's latest manual one, if any.
    /// </summary>
    public async Task<StatusReport?> GenerateScheduledAsync(long projectId, DateTimeOffset slot, CancellationToken ct = default)
    {
        await using (var connection = await connections.OpenAsync(ct))
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM reporting_status_report WHERE project_id = @projectId AND scheduled_slot = @slot",
                new { projectId, slot = StoredTime.Format(slot) }, cancellationToken: ct)) > 0) return null;
        }
        return await GenerateCoreAsync(projectId, "", StatusReport.ScheduledBy, slot, ct);
    }

    private async Task<StatusReport?> GenerateCoreAsync(long projectId, string summary, string by, DateTimeOffset? slot, CancellationToken ct)
    {
        var view = await portfolio.GetAsync(ct);
        var row = view.Find(projectId) ?? throw new NotFoundException("Project", projectId.ToString());
        var results = new List<SectionResult>();
        foreach (var section in sections.All.OrderBy(s => s.Order))
            results.Add(await RenderSectionAsync(section, projectId, ct));

        var dimensions = row.Health?.Dimensions.ToDictionary(d => d.Dimension.ToString().ToLowerInvariant(), d => d.Effective.ToString())
            ?? new Dictionary<string, string>();
        var overall = (row.Health?.Overall ?? HealthRag.NoData).ToString();

        await using var w = await work.BeginAsync(ReportingModule.Id, projectId, ct);
        if (slot is { } s && await w.ScalarAsync<long>(
                "SELECT COUNT(*) FROM reporting_status_report WHERE project_id = @projectId AND scheduled_slot = @slot",
                new { projectId, slot = StoredTime.Format(s) }, ct) > 0)
            return null;
        var version = await w.ScalarAsync<int>(
            "SELECT IFNULL(MAX(version), 0) + 1 FROM reporting_status_report WHERE project_id = @projectId", new { projectId }, ct);
        if (slot is not null)
            summary = await w.ScalarAsync<string?>("""
                SELECT summary FROM reporting_status_report WHERE project_id = @projectId AND scheduled_slot IS NULL AND summary <> ''
                ORDER BY version DESC LIMIT 1
                """, new { projectId }, ct) ?? "";
        var md = StatusReportComposer.Compose(row, view.MethodologyName(row.Project.MethodologyId), version, summary, results, w.Now, by, clock.TimeZone);
        var stored = (await w.SingleOrDefaultAsync<Row>($"""
            INSERT INTO reporting_status_report (project_id, version, summary, overall_rag, dimensions_json, markdown, generated_at, generated_by, scheduled_slot)
            VALUES (@projectId, @version, @summary, @overall, @json, @md, @now, @by, @slot)
            RETURNING {Columns}
            """, new { projectId, version, summary, overall, json = JsonSerializer.Serialize(dimensions), md, now = w.Now, by, slot = slot is { } x ? StoredTime.Format(x) : null }, ct))!;
        await w.AuditAsync("status report", stored.Id, "generated", null, new { version, overall, generatedBy = by }, ct);
        await w.CommitAsync(ct);
        return stored.ToReport();
    }

    private async Task<SectionResult> RenderSectionAsync(IStatusReportSection section, long projectId, CancellationToken ct)
    {
        var module = ModuleName(section);
        string title;
        try { title = section.Title; } catch (Exception) { title = module; }
        try
        {
            return new SectionResult(title, module, await section.RenderMarkdownAsync(projectId, ct), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Status report section {Section} of module {Module} failed for project {Project}", title, module, projectId);
            return new SectionResult(title, module, null, ex.Message);
        }
    }

    // The host registered each section for the module that declared it: named by that module's manifest.
    private string ModuleName(IStatusReportSection section) =>
        sections.ModuleOf(section) is { } id ? catalog.Installed.FirstOrDefault(m => m.Id == id)?.Name ?? id : "core";

    public async Task<IReadOnlyList<StatusReport>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await directory.RequireAsync(projectId, null, ct);
        await permissions.DemandReadAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM reporting_status_report WHERE project_id = @projectId ORDER BY version DESC", new { projectId }, cancellationToken: ct)))
            .Select(r => r.ToReport()).ToList();
    }

    public async Task<StatusReport> GetAsync(long projectId, long reportId, CancellationToken ct = default)
    {
        await permissions.DemandReadAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM reporting_status_report WHERE project_id = @projectId AND id = @reportId", new { projectId, reportId }, cancellationToken: ct));
        return row?.ToReport() ?? throw new NotFoundException("Status report", reportId.ToString());
    }

    /// <summary>The latest report of every project that has one (the portfolio pack).</summary>
    public async Task<IReadOnlyList<StatusReport>> LatestPerProjectAsync(CancellationToken ct = default)
    {
        var scope = await permissions.ReadScopeAsync(ct);
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT {Columns} FROM reporting_status_report r
            WHERE version = (SELECT MAX(version) FROM reporting_status_report x WHERE x.project_id = r.project_id)
              AND r.project_id NOT IN @hidden
            """, new { hidden = scope.HiddenForSql }, cancellationToken: ct))).Select(r => r.ToReport()).ToList();
    }

    /// <summary>The scheduled reports of the latest slots, newest first (the "generated on schedule" list).</summary>
    public async Task<IReadOnlyList<StatusReport>> RecentScheduledAsync(int limit, CancellationToken ct = default)
    {
        var scope = await permissions.ReadScopeAsync(ct);
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM reporting_status_report WHERE scheduled_slot IS NOT NULL AND project_id NOT IN @hidden ORDER BY generated_at DESC, id DESC LIMIT @limit",
            new { limit, hidden = scope.HiddenForSql }, cancellationToken: ct))).Select(r => r.ToReport()).ToList();
    }

    public string Html(StatusReport report) => markdown.ToSafeHtml(report.Markdown);

    public string ToSafeHtml(string md) => markdown.ToSafeHtml(md);

    private sealed class Row
    {
        public long Id { get; init; }
        public long ProjectId { get; init; }
        public int Version { get; init; }
        public string Summary { get; init; } = "";
        public string OverallRag { get; init; } = "";
        public string DimensionsJson { get; init; } = "{}";
        public string Markdown { get; init; } = "";
        public DateTimeOffset GeneratedAt { get; init; }
        public string GeneratedBy { get; init; } = "";
        public DateTimeOffset? ScheduledSlot { get; init; }

        public StatusReport ToReport() => new(Id, ProjectId, Version, Summary, OverallRag,
            JsonSerializer.Deserialize<Dictionary<string, string>>(DimensionsJson) ?? [], Markdown, GeneratedAt, GeneratedBy, ScheduledSlot);
    }
}
