using System.Data.Common;
using Dapper;
using TsPmo.Core.Data;
using TsPmo.Sdk.Ports.Lifecycle;

namespace TsPmo.Core.Projects;

/// <summary>The SQL of <c>core_project</c> and its tags. Lists load tags for a whole page in one query.</summary>
public static class ProjectStore
{
    private const string Select = """
        SELECT p.id, p.code, p.name, p.description, p.owner_person_id AS OwnerPersonId, o.name AS OwnerName,
               p.sponsor_person_id AS SponsorPersonId, s.name AS SponsorName, p.start_date AS StartDate, p.target_date AS TargetDate,
               p.budget_minor AS BudgetMinor, p.currency, p.business_value AS BusinessValue, p.strategic_importance AS StrategicImportance,
               p.priority, p.methodology_id AS MethodologyId, p.phase, p.phase_reason AS PhaseReason, p.phase_before_hold AS PhaseBeforeHold,
               p.archived, p.visibility, p.created_at AS CreatedAt, p.updated_at AS UpdatedAt, p.version
        FROM core_project p
        LEFT JOIN core_person o ON o.id = p.owner_person_id
        LEFT JOIN core_person s ON s.id = p.sponsor_person_id
        """;

    public static async Task<Project?> FindAsync(DbConnection connection, DbTransaction? tx, long id)
    {
        var project = await connection.QuerySingleOrDefaultAsync<Project>(Select + " WHERE p.id = @id", new { id }, tx);
        return project is null ? null : (await WithTagsAsync(connection, tx, [project]))[0];
    }

    /// <param name="readerUserId">
    /// The account whose memberships decide which Private projects are listed, or null to list every project (the
    /// reader is an Admin or the PMO). One subquery over the member index, whatever the number of Private projects.
    /// </param>
    public static async Task<ProjectPage> QueryAsync(DbConnection connection, ProjectQuery query, long? readerUserId)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        if (readerUserId is { } reader)
        {
            where.Add("""
                (p.visibility = 'Organization' OR p.id IN (SELECT m.project_id FROM core_project_member m
                                                          WHERE m.person_id = (SELECT id FROM core_person WHERE user_id = @reader)))
                """);
            args.Add("reader", reader);
        }
        if (!query.IncludeArchived) where.Add("p.archived = 0");
        if (query.Phase is { } phase) { where.Add("p.phase = @phase"); args.Add("phase", phase.ToString()); }
        if (!string.IsNullOrWhiteSpace(query.Methodology)) { where.Add("p.methodology_id = @methodology"); args.Add("methodology", query.Methodology); }
        if (query.OwnerPersonId is { } owner) { where.Add("p.owner_person_id = @owner"); args.Add("owner", owner); }
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            where.Add("EXISTS (SELECT 1 FROM core_project_tag t WHERE t.project_id = p.id AND t.tag = @tag)");
            args.Add("tag", query.Tag.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            where.Add(@"(p.name LIKE @text ESCAPE '\' OR p.code LIKE @text ESCAPE '\')");
            args.Add("text", "%" + query.Text.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%");
        }
        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        var pageSize = Math.Clamp(query.PageSize, 1, ProjectQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        args.Add("take", pageSize);
        args.Add("skip", (page - 1) * pageSize);

        var total = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM core_project p" + filter, args);
        var order = OrderBy(query.Sort) + (query.Descending ? " DESC" : "") + ", p.id";
        var items = (await connection.QueryAsync<Project>($"{Select}{filter} ORDER BY {order} LIMIT @take OFFSET @skip", args)).ToList();
        return new ProjectPage(await WithTagsAsync(connection, null, items), total, page, pageSize);
    }

    public static async Task ReplaceTagsAsync(DbConnection connection, DbTransaction tx, long projectId, IReadOnlyList<string> tags)
    {
        await connection.ExecuteAsync("DELETE FROM core_project_tag WHERE project_id = @projectId", new { projectId }, tx);
        if (tags.Count > 0)
            await connection.ExecuteAsync("INSERT INTO core_project_tag (project_id, tag) VALUES (@projectId, @tag)",
                tags.Select(tag => new { projectId, tag }), tx);
    }

    public static async Task RecordPhaseAsync(DbConnection connection, DbTransaction tx, long projectId, LifecyclePhase? from, LifecyclePhase to,
        string? reason, string changedBy, DateTimeOffset at) =>
        await connection.ExecuteAsync("""
            INSERT INTO core_phase_change (project_id, from_phase, to_phase, reason, changed_by, changed_at)
            VALUES (@projectId, @from, @to, @reason, @changedBy, @at)
            """, new { projectId, from = from?.ToString(), to = to.ToString(), reason, changedBy, at = DapperTypeHandlers.Format(at) }, tx);

    // Whitelisted: the sort column never comes from user text.
    private static string OrderBy(ProjectSort sort) => sort switch
    {
        ProjectSort.Code => "p.code",
        ProjectSort.Phase => "CASE p.phase WHEN 'Initiation' THEN 0 WHEN 'Planning' THEN 1 WHEN 'Execution' THEN 2 WHEN 'Closing' THEN 3 WHEN 'Closed' THEN 4 WHEN 'OnHold' THEN 5 ELSE 6 END",
        ProjectSort.Methodology => "p.methodology_id",
        ProjectSort.Owner => "o.name COLLATE NOCASE",
        ProjectSort.Start => "p.start_date",
        ProjectSort.Target => "p.target_date",
        ProjectSort.Priority => "CASE p.priority WHEN 'Low' THEN 0 WHEN 'Medium' THEN 1 WHEN 'High' THEN 2 ELSE 3 END",
        ProjectSort.Value => "p.business_value",
        ProjectSort.Updated => "p.updated_at",
        _ => "p.name COLLATE NOCASE",
    };

    private static async Task<IReadOnlyList<Project>> WithTagsAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<Project> projects)
    {
        if (projects.Count == 0) return projects;
        var tags = (await connection.QueryAsync<(long ProjectId, string Tag)>(
                "SELECT project_id, tag FROM core_project_tag WHERE project_id IN @ids ORDER BY tag COLLATE NOCASE",
                new { ids = projects.Select(p => p.Id).ToArray() }, tx))
            .ToLookup(t => t.ProjectId, t => t.Tag);
        return projects.Select(p => p with { Tags = tags[p.Id].ToList() }).ToList();
    }
}
