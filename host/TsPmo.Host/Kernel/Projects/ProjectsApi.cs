using TsPmo.Sdk.Security;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Lifecycle;

namespace TsPmo.Host.Kernel.Projects;

/// <summary><c>/api/v1/projects</c>: the portfolio's projects and their lifecycle.</summary>
public static class ProjectsApi
{
    public sealed record MoneyDto(decimal Amount, string Currency);

    public sealed record ProjectRequest(
        string? Name, string? Code, string? Description, string? Methodology, DateOnly? StartDate, DateOnly? TargetDate, MoneyDto? Budget,
        int? BusinessValue, int? StrategicImportance, ProjectPriority? Priority, long? OwnerPersonId, long? SponsorPersonId,
        IReadOnlyList<string>? Tags, long? Version, TsPmo.Sdk.Security.ProjectVisibility? Visibility = null);

    public sealed record ProjectDto(
        long Id, string Code, string Name, string Description, string Methodology, LifecyclePhase Phase, string? PhaseReason,
        DateOnly? StartDate, DateOnly? TargetDate, MoneyDto? Budget, int BusinessValue, int StrategicImportance, ProjectPriority Priority,
        long? OwnerPersonId, string? OwnerName, long? SponsorPersonId, string? SponsorName, IReadOnlyList<string> Tags, bool Archived,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version, TsPmo.Sdk.Security.ProjectVisibility Visibility);

    public sealed record PageDto(IReadOnlyList<ProjectDto> Items, int Total, int Page, int PageSize);

    public sealed record TransitionRequest(LifecyclePhase? To, string? Reason);

    public static void MapProjectsApi(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Projects");

        projects.MapGet("/", async (ProjectService service, LifecyclePhase? phase, string? methodology, long? owner, string? tag, string? q,
            ProjectSort? sort, bool? desc, bool? archived, int? page, int? pageSize, CancellationToken ct) =>
        {
            if (pageSize is < 1 or > ProjectQuery.MaxPageSize)
                throw new DomainValidationException("pageSize", $"pageSize is 1 to {ProjectQuery.MaxPageSize}.");
            if (page is < 1) throw new DomainValidationException("page", "page starts at 1.");
            var result = await service.QueryAsync(new ProjectQuery
            {
                Phase = phase, Methodology = methodology, OwnerPersonId = owner, Tag = tag, Text = q, Sort = sort ?? ProjectSort.Name,
                Descending = desc ?? false, IncludeArchived = archived ?? false, Page = page ?? 1, PageSize = pageSize ?? 25,
            }, ct);
            return TypedResults.Ok(new PageDto(result.Items.Select(ToDto).ToList(), result.Total, result.Page, result.PageSize));
        });

        projects.MapGet("/{id:long}", async Task<IResult> (long id, ProjectService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } p ? TypedResults.Ok(ToDto(p)) : throw new NotFoundException("Project", id.ToString()));

        projects.MapPost("/", async (ProjectRequest request, ProjectService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(ToInput(request), ct);
            return TypedResults.Created($"/api/v1/projects/{created.Id}", ToDto(created));
        }).ProducesValidationProblem().ProducesProblem(403);

        projects.MapPut("/{id:long}", async (long id, ProjectRequest request, ProjectService service, CancellationToken ct) =>
        {
            if (request.Version is not { } version) throw new DomainValidationException("version", "Send the version you edited, from the project you read.");
            return TypedResults.Ok(ToDto(await service.UpdateAsync(id, version, ToInput(request), ct)));
        }).RequireProjectPermission(ProjectPermissions.Manage).ProducesValidationProblem().ProducesProblem(409);

        projects.MapPost("/{id:long}/archive", async (long id, ProjectRequest request, ProjectService service, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await service.SetArchivedAsync(id, request.Version ?? 0, true, ct)))).RequireProjectPermission(ProjectPermissions.Manage);

        projects.MapPost("/{id:long}/transitions", async (long id, TransitionRequest request, LifecycleService lifecycle, CancellationToken ct) =>
        {
            if (request.To is not { } to) throw new DomainValidationException("to", "Say which phase to move to: " + string.Join(", ", Enum.GetNames<LifecyclePhase>()) + ".");
            return TypedResults.Ok(ToDto(await lifecycle.TransitionAsync(id, to, request.Reason, ct)));
        }).RequireProjectPermission(ProjectPermissions.ChangePhase).ProducesProblem(409);

        projects.MapGet("/{id:long}/phases", async (long id, LifecycleService lifecycle, CancellationToken ct) =>
            TypedResults.Ok(await lifecycle.HistoryAsync(id, ct)));
    }

    private static ProjectInput ToInput(ProjectRequest r) => new()
    {
        Name = r.Name, Code = r.Code, Description = r.Description, MethodologyId = r.Methodology, StartDate = r.StartDate, TargetDate = r.TargetDate,
        BudgetAmount = r.Budget?.Amount, Currency = r.Budget?.Currency, BusinessValue = r.BusinessValue ?? 3, StrategicImportance = r.StrategicImportance ?? 3,
        Priority = r.Priority ?? ProjectPriority.Medium, OwnerPersonId = r.OwnerPersonId, SponsorPersonId = r.SponsorPersonId, Tags = r.Tags,
        Visibility = r.Visibility,
    };

    public static ProjectDto ToDto(Project p) => new(
        p.Id, p.Code, p.Name, p.Description, p.MethodologyId, p.Phase, p.PhaseReason, p.StartDate, p.TargetDate,
        p.Budget is { } b ? new MoneyDto(b.Amount, b.Currency) : null, p.BusinessValue, p.StrategicImportance, p.Priority,
        p.OwnerPersonId, p.OwnerName, p.SponsorPersonId, p.SponsorName, p.Tags, p.Archived, p.CreatedAt, p.UpdatedAt, p.Version, p.Visibility);
}
