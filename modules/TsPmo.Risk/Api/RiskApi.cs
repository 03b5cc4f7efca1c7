using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Data;

namespace TsPmo.Risk.Api;

/// <summary>
/// <c>/api/v1/projects/{projectId}/risk/…</c> (a project's register) and <c>/api/v1/risk/…</c> (portfolio list,
/// heat map, warnings).
/// </summary>
public static class RiskApi
{
    public static void MapProjectApi(IEndpointRouteBuilder api)
    {
        api.MapGet("/risks", (long projectId, RiskService risks, CancellationToken ct) => risks.ListAsync(projectId, ct));

        api.MapGet("/risks/{riskId:long}", (long projectId, long riskId, RiskService risks, CancellationToken ct) => DetailAsync(risks, projectId, riskId, ct));

        api.MapPost("/risks", async (long projectId, RiskRequest request, RiskService risks, CancellationToken ct) =>
        {
            var risk = await risks.CreateAsync(projectId, Overlay(new RiskInput(), request), ct);
            return Results.Created($"/api/v1/projects/{projectId}/risk/risks/{risk.Id}", risk);
        });

        api.MapPatch("/risks/{riskId:long}", async (long projectId, long riskId, RiskRequest request, RiskService risks, CancellationToken ct) =>
        {
            var version = request.Version ?? throw new DomainValidationException("version", "Send the version of the risk you reassessed.");
            var current = await risks.FindAsync(projectId, riskId, ct);
            return Results.Ok(await risks.UpdateAsync(projectId, riskId, version, Overlay(RiskInput.From(current), request), ct));
        });

        api.MapPost("/risks/{riskId:long}/review", async (long projectId, long riskId, VersionRequest request, RiskService risks, CancellationToken ct) =>
            Results.Ok(await risks.MarkReviewedAsync(projectId, riskId, Version(request.Version), ct)));

        api.MapPost("/risks/{riskId:long}/close", async (long projectId, long riskId, VersionRequest request, RiskService risks, CancellationToken ct) =>
            Results.Ok(await risks.CloseAsync(projectId, riskId, Version(request.Version), ct)));

        api.MapPost("/risks/{riskId:long}/actions", async (long projectId, long riskId, ActionRequest request, RiskService risks, CancellationToken ct) =>
        {
            var action = await risks.AddActionAsync(projectId, riskId, ToInput(request), ct);
            return Results.Created($"/api/v1/projects/{projectId}/risk/risks/{riskId}/actions/{action.Id}", action);
        });

        api.MapPut("/risks/{riskId:long}/actions/{actionId:long}", async (long projectId, long riskId, long actionId, ActionRequest request,
            RiskService risks, CancellationToken ct) =>
            Results.Ok(await risks.UpdateActionAsync(projectId, riskId, actionId, Version(request.Version), ToInput(request), ct)));

        api.MapGet("/heatmap", async (long projectId, bool? residual, RiskService risks, HeatMapService maps, CancellationToken ct) =>
        {
            await risks.RequireProjectAsync(projectId, ct);
            return HeatMapBody(await maps.GetAsync(projectId, residual ?? false, ct), residual ?? false);
        });

        api.MapGet("/warnings", async (long projectId, RiskService risks, EarlyWarningService warnings, CancellationToken ct) =>
        {
            await risks.RequireProjectAsync(projectId, ct);
            return await warnings.GetAsync(projectId, ct);
        });
    }

    public static void MapApi(IEndpointRouteBuilder api)
    {
        api.MapGet("/risks", (string? category, int? minScore, long? projectId, string? status, string? level, long? owner, int? page, int? pageSize,
            RiskService risks, CancellationToken ct) => risks.SearchAsync(new RiskQuery
            {
                Category = ParseFilter<RiskCategory>(category, "category"), MinScore = minScore, ProjectId = projectId,
                Status = ParseFilter<RiskStatus>(status, "status"), Level = ParseFilter<RiskLevel>(level, "level"), Owner = owner,
                Page = page ?? 1, PageSize = pageSize ?? 50,
            }, ct));

        api.MapGet("/heatmap", async (long? projectId, bool? residual, HeatMapService maps, CancellationToken ct) =>
            HeatMapBody(await maps.GetAsync(projectId, residual ?? false, ct), residual ?? false));

        api.MapGet("/warnings", async (long? projectId, RiskService risks, EarlyWarningService warnings, CancellationToken ct) =>
        {
            if (projectId is { } id) await risks.RequireProjectAsync(id, ct); // 404 for a project the caller may not read
            return await warnings.GetAsync(projectId, ct);
        });
    }

    private static async Task<RiskDetail> DetailAsync(RiskService risks, long projectId, long riskId, CancellationToken ct)
    {
        await risks.RequireProjectAsync(projectId, ct);
        return await risks.GetAsync(projectId, riskId, ct);
    }

    private static object HeatMapBody(HeatMap map, bool residual) =>
        new { cells = map.Cells, rows = HeatMap.RowsLabel, columns = HeatMap.ColumnsLabel, residual, total = map.Total };

    private static long Version(long? version) => version ?? throw new DomainValidationException("version", "Send the version of the record you changed.");

    private static T? ParseFilter<T>(string? text, string field) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.All(char.IsLetter) && Enum.TryParse<T>(text, true, out var value)) return value;
        throw new DomainValidationException(field, $"\"{text}\" is not known: use {string.Join(", ", Enum.GetNames<T>())}.");
    }

    /// <summary>The fields the request carries, laid over <paramref name="input"/> (PATCH keeps what it does not send).</summary>
    private static RiskInput Overlay(RiskInput input, RiskRequest r) => input with
    {
        Kind = r.Kind ?? input.Kind, Title = r.Title ?? input.Title, Description = r.Description ?? input.Description,
        Category = r.Category ?? input.Category, Cause = r.Cause ?? input.Cause, Event = r.Event ?? input.Event, Effect = r.Effect ?? input.Effect,
        Probability = r.Probability ?? input.Probability, Impact = r.Impact ?? input.Impact,
        ResidualProbability = r.ResidualProbability ?? input.ResidualProbability, ResidualImpact = r.ResidualImpact ?? input.ResidualImpact,
        ResidualReason = r.ResidualReason ?? input.ResidualReason, Proximity = r.Proximity ?? input.Proximity, Owner = r.Owner ?? input.Owner,
        Response = r.Response ?? input.Response, Mitigation = r.Mitigation ?? input.Mitigation, Triggers = r.Triggers ?? input.Triggers,
        Status = r.Status ?? input.Status, Note = r.Note,
    };

    private static ActionInput ToInput(ActionRequest r) => new() { Title = r.Title, Owner = r.Owner, DueDate = r.DueDate, Status = r.Status };
}
