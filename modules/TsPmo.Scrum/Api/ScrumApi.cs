using TsPmo.Sdk.Security;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Routing;
using TsPmo.Sdk.Data;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Api;

/// <summary><c>/api/v1/projects/{projectId}/scrum/…</c>: backlog items, sprints, burndown, velocity, retrospectives.</summary>
public static class ScrumApi
{
    public sealed record ItemRequest(string? Title, string? Type, string? Description, string? AcceptanceCriteria, decimal? Points,
        decimal? EstimateHours, long? AssigneeId, string? Status, long? Version);

    public sealed record ReorderRequest(int? Position);

    public sealed record SprintRequest(string? Name, string? Goal, DateOnly? Start, DateOnly? End, decimal? CapacityPoints, long? Version);

    public sealed record SprintItemRequest(long? ItemId);

    public sealed record CompleteRequest(string? UnfinishedTo);

    public sealed record RetroRequest(string? WentWell, string? ToImprove, long? Version);

    public sealed record ActionRequest(string? Text, long? OwnerPersonId);

    public sealed record ActionStatusRequest(string? Status, long? Version);

    public sealed record BurndownResponse(long SprintId, string Name, DateOnly Start, DateOnly End, decimal CommittedPoints, IReadOnlyList<Engine.BurndownDay> Days);

    public static void MapProjectApi(IEndpointRouteBuilder api)
    {
        // Items
        api.MapGet("/items", (long projectId, ItemService items, CancellationToken ct) => items.AllAsync(projectId, ct));

        api.MapGet("/backlog", (long projectId, ItemService items, CancellationToken ct) => items.BacklogAsync(projectId, ct));

        api.MapGet("/items/{itemId:long}", (long projectId, long itemId, ItemService items, CancellationToken ct) => items.GetAsync(projectId, itemId, ct));

        api.MapPost("/items", async (long projectId, ItemRequest request, ItemService items, CancellationToken ct) =>
        {
            var item = await items.CreateAsync(projectId, Merge(new ItemInput(), request), ct);
            return Results.Created($"/api/v1/projects/{projectId}/scrum/items/{item.Id}", item);
        });

        api.MapMethods("/items/{itemId:long}", ["PATCH"], async (long projectId, long itemId, HttpRequest http, ItemService items, CancellationToken ct) =>
        {
            // Read as a document first: in a PATCH, "assigneeId": null (unassign) differs from leaving the field out.
            var (body, request) = await ReadPatchAsync(http, ct);
            // The merge is written only onto the version it was read from: without a "version" from the client, a write
            // that someone else's change beat is merged again onto the newer state (never over it), a few times at most.
            for (var attempt = 1; ; attempt++)
            {
                var current = await items.GetAsync(projectId, itemId, ct);
                var input = Merge(ItemRules.Snapshot(current), request);
                if (body.TryGetProperty("assigneeId", out var assignee) && assignee.ValueKind == JsonValueKind.Null) input = input with { AssigneeId = null };
                try
                {
                    return Results.Ok(await items.UpdateAsync(projectId, itemId, request.Version ?? current.Version, input, ct));
                }
                catch (ConcurrencyConflictException) when (request.Version is null && attempt < 5)
                {
                }
            }
        });

        api.MapDelete("/items/{itemId:long}", async (long projectId, long itemId, long? version, ItemService items, CancellationToken ct) =>
        {
            await items.DeleteAsync(projectId, itemId, version, ct);
            return Results.NoContent();
        }).RequireProjectPermission(ScrumModule.ManagePlan);

        api.MapPost("/items/{itemId:long}/reorder", async (long projectId, long itemId, ReorderRequest request, ItemService items, CancellationToken ct) =>
        {
            if (request.Position is not { } position || position < 1) throw new DomainValidationException("position", "Give the 1-based position in the backlog.");
            await items.ReorderAsync(projectId, itemId, position - 1, ct);
            return Results.Ok(await items.GetAsync(projectId, itemId, ct));
        }).RequireProjectPermission(ScrumModule.ManagePlan);

        // Sprints
        api.MapGet("/sprints", (long projectId, SprintService sprints, CancellationToken ct) => sprints.ListAsync(projectId, ct));

        api.MapGet("/sprints/{sprintId:long}", (long projectId, long sprintId, SprintService sprints, CancellationToken ct) => sprints.GetAsync(projectId, sprintId, ct));

        api.MapPost("/sprints", async (long projectId, SprintRequest request, SprintService sprints, CancellationToken ct) =>
        {
            var sprint = await sprints.CreateAsync(projectId, ToInput(request), ct);
            return Results.Created($"/api/v1/projects/{projectId}/scrum/sprints/{sprint.Id}", sprint);
        }).RequireProjectPermission(ScrumModule.ManagePlan);

        api.MapPut("/sprints/{sprintId:long}", async (long projectId, long sprintId, SprintRequest request, SprintService sprints, CancellationToken ct) =>
        {
            if (request.Version is not { } version) throw new DomainValidationException("version", "Send the version of the sprint you edited.");
            return Results.Ok(await sprints.UpdateAsync(projectId, sprintId, version, ToInput(request), ct));
        }).RequireProjectPermission(ScrumModule.ManagePlan);

        api.MapGet("/sprints/{sprintId:long}/items", (long projectId, long sprintId, SprintService sprints, CancellationToken ct) =>
            sprints.ItemsAsync(projectId, sprintId, ct));

        api.MapPost("/sprints/{sprintId:long}/items", async (long projectId, long sprintId, SprintItemRequest request, SprintService sprints, CancellationToken ct) =>
        {
            if (request.ItemId is not { } itemId) throw new DomainValidationException("itemId", "Say which item to plan into the sprint.");
            return Results.Ok(await sprints.AddItemAsync(projectId, sprintId, itemId, ct));
        }).RequireProjectPermission(ScrumModule.ManagePlan);

        api.MapDelete("/sprints/{sprintId:long}/items/{itemId:long}", async (long projectId, long sprintId, long itemId, SprintService sprints, CancellationToken ct) =>
            Results.Ok(await sprints.RemoveItemAsync(projectId, sprintId, itemId, ct))).RequireProjectPermission(ScrumModule.ManagePlan);

        api.MapPost("/sprints/{sprintId:long}/start", async (long projectId, long sprintId, SprintService sprints, CancellationToken ct) =>
            Results.Ok(await sprints.StartAsync(projectId, sprintId, ct))).RequireProjectPermission(ScrumModule.ManagePlan);

        api.MapPost("/sprints/{sprintId:long}/complete", async (long projectId, long sprintId, HttpRequest http, SprintService sprints, CancellationToken ct) =>
        {
            // The body is optional: without one, unfinished items return to the backlog.
            CompleteRequest? request = null;
            if (http.ContentLength is > 0 || http.Headers.TransferEncoding.Count > 0)
                request = await http.ReadFromJsonAsync<CompleteRequest>(ct);
            return Results.Ok(await sprints.CompleteAsync(projectId, sprintId, ParseTarget(request?.UnfinishedTo), ct));
        }).RequireProjectPermission(ScrumModule.ManagePlan);

        api.MapGet("/sprints/{sprintId:long}/burndown", async (long projectId, long sprintId, SprintService sprints, CancellationToken ct) =>
        {
            var sprint = await sprints.GetAsync(projectId, sprintId, ct);
            var burndown = await sprints.BurndownAsync(projectId, sprintId, ct);
            return new BurndownResponse(sprint.Id, sprint.Name, sprint.Start, sprint.End, burndown.CommittedPoints, burndown.Days);
        });

        api.MapGet("/velocity", (long projectId, SprintService sprints, CancellationToken ct) => sprints.VelocityAsync(projectId, ct));

        // Retrospectives
        api.MapGet("/sprints/{sprintId:long}/retro", (long projectId, long sprintId, RetroService retros, CancellationToken ct) => retros.GetAsync(projectId, sprintId, ct));

        api.MapPut("/sprints/{sprintId:long}/retro", async (long projectId, long sprintId, RetroRequest request, RetroService retros, CancellationToken ct) =>
            Results.Ok(await retros.SaveAsync(projectId, sprintId, request.Version ?? 0, new RetroInput(request.WentWell, request.ToImprove), ct)));

        api.MapPost("/sprints/{sprintId:long}/retro/actions", async (long projectId, long sprintId, ActionRequest request, RetroService retros, CancellationToken ct) =>
        {
            var action = await retros.AddActionAsync(projectId, sprintId, new ActionInput(request.Text, request.OwnerPersonId), ct);
            return Results.Created($"/api/v1/projects/{projectId}/scrum/retro-actions/{action.Id}", action);
        });

        api.MapMethods("/retro-actions/{actionId:long}", ["PATCH"], async (long projectId, long actionId, ActionStatusRequest request, RetroService retros, CancellationToken ct) =>
        {
            var status = Enum.TryParse<ActionStatus>(request.Status?.Replace(" ", ""), ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(request.Status, out _)
                ? s : throw new DomainValidationException("status", "Choose Open, InProgress or Done.");
            return Results.Ok(await retros.SetActionStatusAsync(projectId, actionId, status, request.Version, ct));
        });
    }

    /// <summary>The request's fields over <paramref name="current"/>: a field left out keeps its value.</summary>
    private static async Task<(JsonElement Body, ItemRequest Request)> ReadPatchAsync(HttpRequest http, CancellationToken ct)
    {
        var options = http.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Body, options, ct);
            if (body.ValueKind == JsonValueKind.Object) return (body, body.Deserialize<ItemRequest>(options)!);
        }
        catch (JsonException ex)
        {
            throw new DomainValidationException(ex.Path is { Length: > 2 } path ? path[2..] : "body", "That value cannot be read: " + ex.Message.Split('.')[0] + ".");
        }
        throw new DomainValidationException("body", "Send a JSON object with the fields to change.");
    }

    private static ItemInput Merge(ItemInput current, ItemRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        var type = current.Type;
        if (r.Type is not null)
        {
            if (Enum.TryParse<ItemType>(r.Type, ignoreCase: true, out var t) && Enum.IsDefined(t) && !int.TryParse(r.Type, out _)) type = t;
            else errors["type"] = ["Choose Story, Bug or Task."];
        }
        var status = current.Status;
        if (r.Status is not null)
        {
            if (ItemStatuses.Parse(r.Status) is { } s) status = s;
            else errors["status"] = ["Choose ToDo, InProgress or Done."];
        }
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return current with
        {
            Title = r.Title ?? current.Title, Type = type, Description = r.Description ?? current.Description,
            AcceptanceCriteria = r.AcceptanceCriteria ?? current.AcceptanceCriteria, Points = r.Points ?? current.Points,
            EstimateHours = r.EstimateHours ?? current.EstimateHours, AssigneeId = r.AssigneeId ?? current.AssigneeId, Status = status,
        };
    }

    private static SprintInput ToInput(SprintRequest r) => new() { Name = r.Name, Goal = r.Goal, Start = r.Start, End = r.End, CapacityPoints = r.CapacityPoints };

    internal static UnfinishedTarget ParseTarget(string? text) => (text ?? "backlog").Replace(" ", "").Replace("-", "").ToLowerInvariant() switch
    {
        "backlog" or "" => UnfinishedTarget.Backlog,
        "next" or "nextsprint" => UnfinishedTarget.NextSprint,
        _ => throw new DomainValidationException("unfinishedTo", "Send unfinished items to \"backlog\" or \"nextSprint\"."),
    };
}
