using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TsPmo.Announcements.Services;
using TsPmo.Announcements.Domain;
using TsPmo.Sdk.Security;

namespace TsPmo.Announcements.Api;

/// <summary><c>/api/v1/announcements</c>: everyone signed in reads; holders of announcements.post write.</summary>
public static class AnnouncementsApi
{
    public sealed record UpdateRequest(string? Title, string? Body, bool Pinned, long Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/", (AnnouncementService announcements, CancellationToken ct) => announcements.ListAsync(100, ct));

        api.MapGet("/{id:long}", async (long id, AnnouncementService announcements, CancellationToken ct) =>
            await announcements.FindAsync(id, ct) is { } a ? Results.Ok(a) : Results.Problem(statusCode: 404, title: "Not found.", detail: $"Announcement {id} was not found."));

        api.MapPost("/", async (AnnouncementInput input, AnnouncementService announcements, CancellationToken ct) =>
        {
            var created = await announcements.CreateAsync(input, ct);
            return Results.Created($"/api/v1/announcements/{created.Id}", created);
        }).RequirePermission(AnnouncementsModule.PostPermission);

        api.MapPut("/{id:long}", async (long id, UpdateRequest request, AnnouncementService announcements, CancellationToken ct) =>
            Results.Ok(await announcements.UpdateAsync(id, request.Version, new AnnouncementInput(request.Title, request.Body, request.Pinned), ct)))
            .RequirePermission(AnnouncementsModule.PostPermission);

        api.MapDelete("/{id:long}", async (long id, AnnouncementService announcements, CancellationToken ct) =>
        {
            await announcements.DeleteAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(AnnouncementsModule.PostPermission);
    }
}
