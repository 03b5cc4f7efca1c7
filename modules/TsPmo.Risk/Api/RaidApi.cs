using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Data;

namespace TsPmo.Risk.Api;

/// <summary><c>/api/v1/projects/{projectId}/risk/…</c>: the issues, assumptions and dependencies of the RAID log, and risks that occur.</summary>
public static class RaidApi
{
    public sealed record IssueRequest(string? Title, string? Description, string? Severity, long? OwnerId, DateOnly? DueDate,
        string? Status, string? Resolution, long? Version);

    public sealed record AssumptionRequest(string? Title, string? Description, long? Version);

    public sealed record DependencyRequest(string? Title, long? OnProjectId, string? Vendor, DateOnly? NeededBy, string? Status, long? OwnerId, long? Version);

    public static void MapProjectApi(IEndpointRouteBuilder api)
    {
        MapIssues(api);
        MapAssumptions(api);
        MapDependencies(api);

        api.MapPost("/risks/{riskId:long}/occurred", async (long projectId, long riskId, RiskOccurrenceService occurrence, CancellationToken ct) =>
        {
            var issue = await occurrence.RecordAsync(projectId, riskId, ct);
            return Results.Created($"/api/v1/projects/{projectId}/risk/issues/{issue.Id}", issue);
        });
    }

    private static void MapIssues(IEndpointRouteBuilder api)
    {
        api.MapGet("/issues", (long projectId, string? status, IssueService issues, CancellationToken ct) =>
            issues.ListAsync(projectId, ParseStatus(status), ct));

        api.MapGet("/issues/{issueId:long}", (long projectId, long issueId, IssueService issues, CancellationToken ct) => issues.GetAsync(projectId, issueId, ct));

        api.MapPost("/issues", async (long projectId, IssueRequest request, IssueService issues, CancellationToken ct) =>
        {
            var issue = await issues.CreateAsync(projectId, ToInput(request), ct);
            return Results.Created($"/api/v1/projects/{projectId}/risk/issues/{issue.Id}", issue);
        });

        api.MapPut("/issues/{issueId:long}", async (long projectId, long issueId, IssueRequest request, IssueService issues, CancellationToken ct) =>
            Results.Ok(await issues.UpdateAsync(projectId, issueId, RequireVersion(request.Version, "issue"), ToInput(request), ct)));
    }

    private static void MapAssumptions(IEndpointRouteBuilder api)
    {
        api.MapGet("/assumptions", (long projectId, AssumptionService assumptions, CancellationToken ct) => assumptions.ListAsync(projectId, ct));

        api.MapGet("/assumptions/{assumptionId:long}", (long projectId, long assumptionId, AssumptionService assumptions, CancellationToken ct) =>
            assumptions.GetAsync(projectId, assumptionId, ct));

        api.MapPost("/assumptions", async (long projectId, AssumptionRequest request, AssumptionService assumptions, CancellationToken ct) =>
        {
            var assumption = await assumptions.CreateAsync(projectId, new AssumptionInput { Title = request.Title, Description = request.Description }, ct);
            return Results.Created($"/api/v1/projects/{projectId}/risk/assumptions/{assumption.Id}", assumption);
        });

        api.MapPut("/assumptions/{assumptionId:long}", async (long projectId, long assumptionId, AssumptionRequest request, AssumptionService assumptions,
            CancellationToken ct) => Results.Ok(await assumptions.UpdateAsync(projectId, assumptionId, RequireVersion(request.Version, "assumption"),
                new AssumptionInput { Title = request.Title, Description = request.Description }, ct)));

        api.MapPost("/assumptions/{assumptionId:long}/validate", async (long projectId, long assumptionId, AssumptionService assumptions, CancellationToken ct) =>
            Results.Ok(await assumptions.SetValidatedAsync(projectId, assumptionId, true, null, ct)));

        api.MapPost("/assumptions/{assumptionId:long}/unvalidate", async (long projectId, long assumptionId, AssumptionService assumptions, CancellationToken ct) =>
            Results.Ok(await assumptions.SetValidatedAsync(projectId, assumptionId, false, null, ct)));
    }

    private static void MapDependencies(IEndpointRouteBuilder api)
    {
        api.MapGet("/dependencies", (long projectId, DependencyService dependencies, CancellationToken ct) => dependencies.ListAsync(projectId, ct));

        api.MapGet("/dependencies/{dependencyId:long}", (long projectId, long dependencyId, DependencyService dependencies, CancellationToken ct) =>
            dependencies.GetAsync(projectId, dependencyId, ct));

        api.MapPost("/dependencies", async (long projectId, DependencyRequest request, DependencyService dependencies, CancellationToken ct) =>
        {
            var dependency = await dependencies.CreateAsync(projectId, ToInput(request), ct);
            return Results.Created($"/api/v1/projects/{projectId}/risk/dependencies/{dependency.Id}", dependency);
        });

        api.MapPut("/dependencies/{dependencyId:long}", async (long projectId, long dependencyId, DependencyRequest request, DependencyService dependencies,
            CancellationToken ct) => Results.Ok(await dependencies.UpdateAsync(projectId, dependencyId, RequireVersion(request.Version, "dependency"),
                ToInput(request), ct)));
    }

    private static long RequireVersion(long? version, string what) =>
        version ?? throw new DomainValidationException("version", $"Send the version of the {what} you edited.");

    private static IssueStatus? ParseStatus(string? status)
    {
        if (string.IsNullOrWhiteSpace(status)) return null;
        return Enum.GetNames<IssueStatus>().FirstOrDefault(n => string.Equals(n, status.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<IssueStatus>(name)
            : throw new DomainValidationException("status", $"\"{status}\" is not a status. Choose one of {string.Join(", ", Enum.GetNames<IssueStatus>())}.");
    }

    private static IssueInput ToInput(IssueRequest r) => new()
    {
        Title = r.Title, Description = r.Description, Severity = r.Severity, OwnerId = r.OwnerId, DueDate = r.DueDate, Status = r.Status, Resolution = r.Resolution,
    };

    private static DependencyInput ToInput(DependencyRequest r) => new()
    {
        Title = r.Title, OnProjectId = r.OnProjectId, Vendor = r.Vendor, NeededBy = r.NeededBy, Status = r.Status, OwnerId = r.OwnerId,
    };
}
