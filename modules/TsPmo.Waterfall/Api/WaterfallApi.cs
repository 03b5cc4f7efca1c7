using System.Text.Json.Serialization;
using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Api;

/// <summary><c>…/waterfall/calendar</c>, <c>baselines</c>, <c>evm</c>, <c>import</c> and <c>export</c>.</summary>
public static class WaterfallApi
{
    public sealed record IntervalJson(string Start, string End);

    public sealed record ExceptionJson(DateOnly From, DateOnly? To, string? Name, IReadOnlyList<IntervalJson>? Working, long? Id = null);

    public sealed record CalendarJson(string? Name, int? MinutesPerDay, Dictionary<string, IReadOnlyList<IntervalJson>>? Week, IReadOnlyList<ExceptionJson>? Exceptions,
        long? Version = null);

    public sealed record NewExceptionJson(DateOnly? From, DateOnly? To, string? Name, IReadOnlyList<IntervalJson>? Working, long? Version);

    public sealed record BaselineRequest(string? Name);

    /// <summary>
    /// Earned value as JSON: the figures (major units, indexes to 3 decimals) beside the baseline and currency, and the
    /// S-curve (left out where the answer has none, e.g. after recording).
    /// </summary>
    public sealed record EvmResponse(DateOnly StatusDate, EvmBaseline Baseline, decimal Bac, decimal Pv, decimal Ev, decimal Ac, decimal Sv, decimal Cv,
        decimal? Spi, decimal? Cpi, decimal? Eac, decimal? Etc, decimal? Vac, decimal? Tcpi, string? Currency,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SCurvePoint>? Curve = null)
    {
        public static EvmResponse From(EarnedValueReading reading, IReadOnlyList<SCurvePoint>? curve = null)
        {
            var f = reading.Figures;
            return new(f.StatusDate, reading.Baseline, f.Bac, f.Pv, f.Ev, f.Ac, f.Sv, f.Cv, f.Spi, f.Cpi, f.Eac, f.Etc, f.Vac, f.Tcpi, reading.Currency, curve);
        }
    }

    public static void MapProjectApi(IEndpointRouteBuilder api)
    {
        api.MapGet("/calendar", async (long projectId, CalendarService calendars, CancellationToken ct) =>
        {
            var (calendar, settings, version) = await calendars.GetAsync(projectId, ct);
            return ToJson(calendar, settings.MinutesPerDay, version);
        });

        // Fields left out keep what is stored when the write runs; with "version" a stale edit is a 409.
        api.MapPut("/calendar", async (long projectId, CalendarJson body, CalendarService calendars, CancellationToken ct) =>
        {
            await calendars.SaveAsync(projectId, (current, minutesPerDay) => (FromJson(body, current), body.MinutesPerDay ?? minutesPerDay), body.Version, ct);
            var (calendar, settings, version) = await calendars.GetAsync(projectId, ct);
            return Results.Ok(ToJson(calendar, settings.MinutesPerDay, version));
        }).RequireProjectPermission(WaterfallModule.ManagePlan);

        api.MapPost("/calendar/exceptions", async (long projectId, NewExceptionJson body, CalendarService calendars, CancellationToken ct) =>
        {
            if (body.From is not { } from) throw new DomainValidationException("from", "Give the first date of the exception (YYYY-MM-DD).");
            await calendars.AddExceptionAsync(projectId, new CalendarException(from, body.To ?? from, ParseIntervals(body.Working, "working"),
                string.IsNullOrWhiteSpace(body.Name) ? null : body.Name.Trim()), body.Version, ct);
            var (calendar, settings, version) = await calendars.GetAsync(projectId, ct);
            return Results.Created($"/api/v1/projects/{projectId}/waterfall/calendar", ToJson(calendar, settings.MinutesPerDay, version));
        }).RequireProjectPermission(WaterfallModule.ManagePlan);

        api.MapDelete("/calendar/exceptions/{exceptionId:long}", async (long projectId, long exceptionId, long? version, CalendarService calendars, CancellationToken ct) =>
        {
            await calendars.RemoveExceptionAsync(projectId, exceptionId, version, ct);
            return Results.NoContent();
        }).RequireProjectPermission(WaterfallModule.ManagePlan);

        api.MapGet("/baselines", (long projectId, BaselineService baselines, CancellationToken ct) => baselines.ListAsync(projectId, ct));

        api.MapPost("/baselines", async (long projectId, BaselineRequest request, BaselineService baselines, CancellationToken ct) =>
        {
            var saved = await baselines.SaveAsync(projectId, request.Name, ct);
            return Results.Created($"/api/v1/projects/{projectId}/waterfall/baselines/{saved.Id}", saved);
        }).RequireProjectPermission(WaterfallModule.ManagePlan);

        api.MapGet("/baselines/{baselineId:long}/variance", (long projectId, long baselineId, BaselineService baselines, CancellationToken ct) =>
            baselines.VarianceAsync(projectId, baselineId, ct));

        api.MapGet("/variance", (long projectId, long? baselineId, BaselineService baselines, CancellationToken ct) =>
            baselines.VarianceAsync(projectId, baselineId, ct));

        api.MapDelete("/baselines/{baselineId:long}", async (long projectId, long baselineId, BaselineService baselines, CancellationToken ct) =>
        {
            await baselines.DeleteAsync(projectId, baselineId, ct);
            return Results.NoContent();
        }).RequireProjectPermission(WaterfallModule.ManagePlan);

        api.MapGet("/evm", async (long projectId, string? statusDate, long? baselineId, EarnedValueService evm, CancellationToken ct) =>
        {
            DateOnly? date = null;
            if (!string.IsNullOrWhiteSpace(statusDate))
                date = DateOnly.TryParseExact(statusDate, "yyyy-MM-dd", out var d) ? d : throw new DomainValidationException("statusDate", "Give the status date as YYYY-MM-DD.");
            var (reading, tasks, plan) = await evm.ComputeAsync(projectId, date, baselineId, ct);
            return EvmResponse.From(reading, await evm.SCurveAsync(projectId, reading, tasks, plan, ct));
        });

        api.MapPost("/evm/records", async (long projectId, string? statusDate, long? baselineId, EarnedValueService evm, CancellationToken ct) =>
        {
            DateOnly? date = DateOnly.TryParseExact(statusDate ?? "", "yyyy-MM-dd", out var d) ? d : null;
            var (reading, _, _) = await evm.ComputeAsync(projectId, date, baselineId, ct);
            await evm.RecordAsync(projectId, reading, ct);
            return Results.Ok(EvmResponse.From(reading));
        }).RequireProjectPermission(WaterfallModule.ManagePlan);

        api.MapPost("/import", async (long projectId, HttpRequest request, MspdiService import, CancellationToken ct) =>
        {
            if (request.ContentLength > MspdiService.MaxBytes) throw new DomainValidationException("file", MspdiService.TooLarge);
            // Capped as read, so a body without a length cannot grow without limit; the reader then gets a seekable stream.
            await using var buffer = await BoundedBody.ReadAsync(request.Body, MspdiService.MaxBytes, "file", MspdiService.TooLarge, ct);
            if (buffer.Length == 0) throw new DomainValidationException("file", "Send the Microsoft Project XML file as the request body.");
            buffer.Position = 0;
            return Results.Ok(await import.ImportAsync(projectId, buffer, ct));
        }).RequireProjectPermission(WaterfallModule.ManagePlan).Accepts<string>("application/xml", "text/xml");

        api.MapGet("/export", async (long projectId, MspdiService import, CancellationToken ct) =>
        {
            var (name, xml) = await import.ExportAsync(projectId, ct);
            return Results.File(xml, "application/xml", name);
        });
    }

    private static CalendarJson ToJson(CalendarDefinition c, int minutesPerDay, long version) => new(c.Name, minutesPerDay,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d.ToString().ToLowerInvariant(),
            d => (IReadOnlyList<IntervalJson>)(c.Week.TryGetValue(d, out var i) ? i : []).Select(Interval).ToList()),
        c.Exceptions.Select(e => new ExceptionJson(e.From, e.To, e.Name, e.Working.Select(Interval).ToList(), e.Id)).ToList(), version);

    private static IntervalJson Interval(WorkingInterval i) => new(CalendarRules.Clock(i.StartMinute), CalendarRules.Clock(i.EndMinute));

    private static IReadOnlyList<WorkingInterval> ParseIntervals(IReadOnlyList<IntervalJson>? list, string field) =>
        CalendarRules.TryParseIntervals(string.Join(",", (list ?? []).Select(i => $"{i.Start}-{i.End}")), out var parsed)
            ? parsed : throw new DomainValidationException(field, "Give working times as HH:mm.");

    private static CalendarDefinition FromJson(CalendarJson body, CalendarDefinition current)
    {
        var week = current.Week;
        if (body.Week is { } w)
            week = w.ToDictionary(d => Enum.TryParse<DayOfWeek>(d.Key, true, out var day) ? day : throw new DomainValidationException("week", $"\"{d.Key}\" is not a day of the week."),
                d => ParseIntervals(d.Value, "week"));
        var exceptions = body.Exceptions is { } ex
            ? ex.Select(e => new CalendarException(e.From, e.To ?? e.From, ParseIntervals(e.Working, "exceptions"), e.Name, e.Id)).ToList()
            : current.Exceptions;
        return new CalendarDefinition(body.Name ?? current.Name, week, exceptions);
    }
}
