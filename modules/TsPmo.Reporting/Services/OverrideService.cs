using Dapper;
using TsPmo.Reporting.Domain;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;

namespace TsPmo.Reporting.Services;

/// <summary>What a PMO sends to override a project's health.</summary>
public sealed record OverrideInput
{
    /// <summary>A dimension (Schedule, Cost, Scope, Risk, Quality) or "Overall"/empty for the overall RAG.</summary>
    public string? Dimension { get; init; }
    public string? Rag { get; init; }
    public string? Comment { get; init; }
    public DateOnly? ExpiresOn { get; init; }
}

/// <summary>Records and lists health overrides. Only holders of <c>reporting.override</c> (PMO, Admin) may override.</summary>
public sealed class OverrideService(IDbConnectionFactory connections, IUnitOfWork work, IProjectDirectory projects, ICurrentUser user, IOrganizationClock clock)
{
    private const string Columns = """
        id, project_id AS ProjectId, dimension, rag, comment, expires_on AS ExpiresOn, created_by AS CreatedBy, created_at AS CreatedAt
        """;

    public async Task<HealthOverride> CreateAsync(long projectId, OverrideInput input, CancellationToken ct = default)
    {
        if (!user.HasPermission(ReportingModule.OverridePermission))
            throw new AccessDeniedException("Only the PMO and administrators may override a project's health.");
        await projects.RequireAsync(projectId, null, ct);
        var (dimension, rag, comment, expires) = Validate(input, clock.Today);

        await using var w = await work.BeginAsync(ReportingModule.Id, projectId, ct);
        var row = (await w.SingleOrDefaultAsync<Row>($"""
            INSERT INTO reporting_health_override (project_id, dimension, rag, comment, expires_on, created_by, created_at)
            VALUES (@projectId, @dimension, @rag, @comment, @expires, @by, @at)
            RETURNING {Columns}
            """, new { projectId, dimension = dimension?.ToString(), rag = rag.ToString(), comment, expires, by = w.ActorName, at = w.Now }, ct))!;
        var created = row.ToOverride();
        await w.AuditAsync("health override", created.Id, "created", null,
            new { scope = created.Scope, rag = created.Rag.ToString(), created.Comment, expiresOn = created.ExpiresOn }, ct);
        await w.CommitAsync(ct);
        return created;
    }

    /// <summary>Every override still in force on <paramref name="today"/> (the portfolio view reads them in one query).</summary>
    public async Task<IReadOnlyList<HealthOverride>> ActiveAsync(DateOnly today, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM reporting_health_override WHERE expires_on >= @today", new { today }, cancellationToken: ct)))
            .Select(r => r.ToOverride()).ToList();
    }

    /// <summary>A project's overrides, newest first, active and expired (the history).</summary>
    public async Task<IReadOnlyList<HealthOverride>> HistoryAsync(long projectId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM reporting_health_override WHERE project_id = @projectId ORDER BY id DESC", new { projectId }, cancellationToken: ct)))
            .Select(r => r.ToOverride()).ToList();
    }

    internal static (HealthDimension? Dimension, Rag Rag, string Comment, DateOnly ExpiresOn) Validate(OverrideInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        HealthDimension? dimension = null;
        var scope = input.Dimension?.Trim();
        if (!string.IsNullOrEmpty(scope) && !scope.Equals("Overall", StringComparison.OrdinalIgnoreCase))
        {
            if (scope.All(char.IsLetter) && Enum.TryParse<HealthDimension>(scope, true, out var d)) dimension = d;
            else errors["dimension"] = [$"\"{scope}\" is not a dimension: use Overall, {string.Join(", ", Enum.GetNames<HealthDimension>())}."];
        }
        var rag = Rag.Green;
        if (string.IsNullOrWhiteSpace(input.Rag) || !input.Rag.All(char.IsLetter) || !Enum.TryParse(input.Rag, true, out rag))
            errors["rag"] = ["Choose Green, Amber or Red."];
        var comment = input.Comment?.Trim() ?? "";
        if (comment.Length == 0) errors["comment"] = ["Say why: an override needs a comment."];
        else if (comment.Length > 2000) errors["comment"] = ["The comment must be at most 2000 characters."];
        if (input.ExpiresOn is not { } expires) errors["expiresOn"] = ["Give the date the override expires."];
        else if (expires <= today) errors["expiresOn"] = [$"The expiry date must be after today ({today:yyyy-MM-dd})."];
        else if (expires > today.AddDays(366)) errors["expiresOn"] = ["An override may last at most a year."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return (dimension, rag, comment, input.ExpiresOn!.Value);
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public long ProjectId { get; init; }
        public string? Dimension { get; init; }
        public string Rag { get; init; } = "";
        public string Comment { get; init; } = "";
        public DateOnly ExpiresOn { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public HealthOverride ToOverride() => new(Id, ProjectId, Dimension is null ? null : Enum.Parse<HealthDimension>(Dimension),
            Enum.Parse<Rag>(Rag), Comment, ExpiresOn, CreatedBy, CreatedAt);
    }
}
