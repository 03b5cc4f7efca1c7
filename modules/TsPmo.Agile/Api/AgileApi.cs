using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TsPmo.Sdk.Data;
using TsPmo.Agile.Domain;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Api;

/// <summary><c>/api/v1/projects/{projectId}/agile/…</c>: the board, its cards and columns.</summary>
public static class AgileApi
{
    public sealed record CardRequest(string? Title, string? Description, ClassOfService? ClassOfService, long? AssigneeId,
        decimal? EstimateHours, DateOnly? DueDate, bool? Blocked, string? BlockedReason, long? Version);

    public sealed record MoveRequest(string? Column, int? Position);

    public sealed record ColumnsRequest(IReadOnlyList<ColumnDefinition>? Columns, Dictionary<string, string>? MoveCardsTo, long? Version);

    public static void MapProjectApi(IEndpointRouteBuilder api)
    {
        api.MapGet("/board", (long projectId, BoardService board, CancellationToken ct) => board.GetAsync(projectId, ct));

        api.MapGet("/cards/{cardId:long}", (long projectId, long cardId, BoardService board, CancellationToken ct) => board.GetCardAsync(projectId, cardId, ct));

        api.MapPost("/cards", async (long projectId, CardRequest request, BoardService board, CancellationToken ct) =>
        {
            var card = await board.CreateCardAsync(projectId, ToInput(request), ct);
            return Results.Created($"/api/v1/projects/{projectId}/agile/cards/{card.Id}", card);
        });

        api.MapPut("/cards/{cardId:long}", async (long projectId, long cardId, CardRequest request, BoardService board, CancellationToken ct) =>
        {
            if (request.Version is not { } version) throw new DomainValidationException("version", "Send the version of the card you edited.");
            return Results.Ok(await board.UpdateCardAsync(projectId, cardId, version, ToInput(request), ct));
        });

        api.MapPost("/cards/{cardId:long}/move", async (long projectId, long cardId, MoveRequest request, BoardService board, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Column)) throw new DomainValidationException("column", "Say which column the card moves to.");
            return Results.Ok(await board.MoveCardAsync(projectId, cardId, request.Column, request.Position, ct));
        });

        api.MapGet("/columns", async (long projectId, BoardService board, CancellationToken ct) => (await board.GetAsync(projectId, ct)).Columns);

        api.MapPut("/columns", async (long projectId, ColumnsRequest request, BoardService board, CancellationToken ct) =>
            Results.Ok(await board.SetColumnsAsync(projectId, request.Columns ?? [], request.MoveCardsTo, request.Version, ct))).RequireProjectPermission(AgileModule.ManageBoard);
    }

    private static CardInput ToInput(CardRequest r) => new()
    {
        Title = r.Title, Description = r.Description, ClassOfService = r.ClassOfService ?? ClassOfService.Standard, AssigneeId = r.AssigneeId,
        EstimateHours = r.EstimateHours, DueDate = r.DueDate, Blocked = r.Blocked ?? false, BlockedReason = r.BlockedReason,
    };
}
