using TsPmo.Sdk.Security;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Api;

/// <summary><c>/api/v1/projects/{projectId}/waterfall/…</c>: tasks (the WBS with links, progress and costs) and the computed schedule.</summary>
public static class PlanApi
{
    public static void MapProjectApi(IEndpointRouteBuilder api)
    {
        api.MapGet("/schedule", async (long projectId, PlanService plan, CancellationToken ct) => (await plan.ReadAsync(projectId, ct)).Schedule());

        api.MapGet("/tasks", async (long projectId, PlanService plan, CancellationToken ct) =>
        {
            var reader = await plan.ReadAsync(projectId, ct);
            return reader.State.Tasks.Select(reader.Task).ToList();
        });

        api.MapGet("/tasks/{taskId:long}", (long projectId, long taskId, PlanService plan, CancellationToken ct) => plan.GetTaskAsync(projectId, taskId, ct));

        api.MapPost("/tasks", async (long projectId, JsonElement body, PlanService plan, CancellationToken ct) =>
        {
            var (change, _) = TaskChangeJson.Read(body);
            var task = await plan.CreateTaskAsync(projectId, change, ct);
            return Results.Created($"/api/v1/projects/{projectId}/waterfall/tasks/{task.Id}", task);
        }).RequireProjectPermission(WaterfallModule.ManagePlan);

        api.MapPatch("/tasks/{taskId:long}", async (long projectId, long taskId, JsonElement body, PlanService plan, CancellationToken ct) =>
        {
            var (change, version) = TaskChangeJson.Read(body);
            return Results.Ok(await plan.UpdateTaskAsync(projectId, taskId, change, version, ct));
        });

        api.MapDelete("/tasks/{taskId:long}", async (long projectId, long taskId, long? version, PlanService plan, CancellationToken ct) =>
        {
            await plan.DeleteTaskAsync(projectId, taskId, version, ct);
            return Results.NoContent();
        }).RequireProjectPermission(WaterfallModule.ManagePlan);
    }
}
