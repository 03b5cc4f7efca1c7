using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Web;
using TsPmo.Agile.Engine;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Api;

/// <summary><c>…/agile/metrics</c>, <c>…/agile/forecast</c>, <c>…/agile/import</c> and the forecast settings.</summary>
public static class FlowApi
{
    public sealed record ForecastWhenResponse(int Items, DateOnly? P50, DateOnly? P85, DateOnly? P95, IReadOnlyList<int> WeeklyThroughput, string? Note);

    public sealed record ForecastCountResponse(DateOnly By, int? P50, int? P85, int? P95, IReadOnlyList<int> WeeklyThroughput, string? Note);

    public const string NoHistory = "There is not enough history to forecast: no card was finished in the history window.";

    public static void MapProjectApi(IEndpointRouteBuilder api)
    {
        api.MapGet("/metrics", (long projectId, DateOnly? from, DateOnly? to, FlowService flow, CancellationToken ct) =>
            flow.MetricsAsync(projectId, from, to, ct));

        api.MapGet("/forecast", async Task<IResult> (long projectId, int? items, DateOnly? by, FlowService flow, CancellationToken ct) =>
        {
            if (by is { } date)
            {
                var (count, samples) = await flow.HowManyAsync(projectId, date, ct);
                return Results.Ok(new ForecastCountResponse(date, count?.P50, count?.P85, count?.P95, samples, count is null ? NoHistory : null));
            }
            var (forecast, remaining, history) = await flow.WhenAsync(projectId, items, ct);
            var note = remaining == 0 ? "Nothing is left to do." : forecast is null ? NoHistory : null;
            return Results.Ok(new ForecastWhenResponse(remaining, forecast?.P50, forecast?.P85, forecast?.P95, history, note));
        });

        api.MapGet("/settings", (long projectId, FlowService flow, CancellationToken ct) => flow.SettingsAsync(projectId, ct));

        api.MapPut("/settings", async (long projectId, FlowService.FlowSettings settings, FlowService flow, CancellationToken ct) =>
        {
            await flow.SaveSettingsAsync(projectId, settings, ct);
            return Results.Ok(await flow.SettingsAsync(projectId, ct));
        }).RequireProjectPermission(AgileModule.ManageBoard);

        api.MapPost("/import", async (long projectId, HttpRequest request, FlowService flow, CancellationToken ct) =>
        {
            if (request.ContentLength > CardCsvParser.MaxBytes) throw new DomainValidationException("file", CardCsvParser.TooLarge);
            await using var body = await BoundedBody.ReadAsync(request.Body, CardCsvParser.MaxBytes, "file", CardCsvParser.TooLarge, ct);
            using var reader = new StreamReader(body);
            return Results.Ok(await flow.ImportAsync(projectId, await reader.ReadToEndAsync(ct), ct));
        }).RequireProjectPermission(AgileModule.ManageBoard).Accepts<string>("text/csv");
    }
}
