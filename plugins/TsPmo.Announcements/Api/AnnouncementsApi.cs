using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TsPmo.Announcements.Data;
using TsPmo.Announcements.Domain;
using TsPmo.Sdk.Security;

namespace TsPmo.Announcements.Api;

/// <summary><c>/api/v1/announcements</c>: everyone signed in reads; holders of announcements.post write.</summary>
public static class AnnouncementsApi
{
    public sealed record UpdateRequest(string? Title, string? Body, bool Pinned, long Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/", (AnnouncementRepository repo, CancellationToken ct) => repo.ListAsync(100, ct));

        api.MapGet("/{id:long}", async (long id, AnnouncementRepository repo, CancellationToken ct) =>
            await repo.FindAsync(id, ct) is { } a ? Results.Ok(a) : Results.Problem(statusCode: 404, title: "Not found.", detail: $"Announcement {id} was not found."));

        api.MapPost("/", async (AnnouncementInput input, AnnouncementRepository repo, CancellationToken ct) =>
        {
            var created = await repo.CreateAsync(input, ct);
            return Results.Created($"/api/v1/announcements/{created.Id}", created);
        }).RequirePermission(AnnouncementsModule.PostPermission);

        api.MapPut("/{id:long}", async (long id, UpdateRequest request, AnnouncementRepository repo, CancellationToken ct) =>
            Results.Ok(await repo.UpdateAsync(id, request.Version, new AnnouncementInput(request.Title, request.Body, request.Pinned), ct)))
            .RequirePermission(AnnouncementsModule.PostPermission);

        api.MapDelete("/{id:long}", async (long id, AnnouncementRepository repo, CancellationToken ct) =>
        {
            await repo.DeleteAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(AnnouncementsModule.PostPermission);
    }
}
