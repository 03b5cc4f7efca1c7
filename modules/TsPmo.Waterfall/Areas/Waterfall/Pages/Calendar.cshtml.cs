using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Scheduling;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>The project calendar: working hours of each weekday, the length of a day, and exceptions (holidays, extra working days).</summary>
public sealed class CalendarModel(PlanService plan, IProjectPermissions permissions, CalendarService calendars) : WaterfallPageModel(plan, permissions)
{
    private static readonly DayOfWeek[] Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public IReadOnlyList<DayOfWeek> WeekDays => Days;
    public CalendarDefinition Calendar { get; private set; } = CalendarDefinition.Standard;

    [BindProperty] public Dictionary<string, string?> Week { get; set; } = [];
    [BindProperty] public decimal HoursPerDay { get; set; } = 8;
    [BindProperty] public ExceptionForm NewException { get; set; } = new();

    /// <summary>
    /// The calendar version the form was read at; every form posts it so a stale edit is refused, not applied. A post
    /// without one (a hand-made request) applies to the calendar as stored when it runs.
    /// </summary>
    [BindProperty] public long? Version { get; set; }

    public long CurrentVersion { get; private set; }

    public sealed class ExceptionForm
    {
        public string? Name { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Working { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Week = Days.ToDictionary(d => d.ToString(), d => (string?)CalendarRules.Format(Calendar.Week.TryGetValue(d, out var i) ? i : []));
        return Page();
    }

    [ProjectPermission(WaterfallModule.ManagePlan)]
    public async Task<IActionResult> OnPostWeekAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit) return Forbid();
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        foreach (var day in Days)
        {
            if (!CalendarRules.TryParseIntervals(Week.GetValueOrDefault(day.ToString()), out var intervals))
                ModelState.AddModelError($"Week[{day}]", $"{day}: write working times like 08:00-12:00, 13:00-17:00 (empty = not working).");
            else if (intervals.Count > 0) week[day] = intervals;
        }
        if (!ModelState.IsValid) return Page();
        var minutesPerDay = (int)Math.Round(HoursPerDay * 60);
        return await SaveAsync(id, () => calendars.SaveAsync(id, (current, _) => (current with { Week = week }, minutesPerDay), Version, ct),
            "The working week is saved and the plan rescheduled.", ct);
    }

    [ProjectPermission(WaterfallModule.ManagePlan)]
    public async Task<IActionResult> OnPostAddExceptionAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit) return Forbid();
        if (NewException.From is not { } from) { ModelState.AddModelError("NewException.From", "Give the first date of the exception."); return Page(); }
        if (!CalendarRules.TryParseIntervals(NewException.Working, out var working))
        {
            ModelState.AddModelError("NewException.Working", "Write working times like 08:00-12:00 (empty = a non-working day).");
            return Page();
        }
        var exception = new CalendarException(from, NewException.To ?? from, working, string.IsNullOrWhiteSpace(NewException.Name) ? null : NewException.Name.Trim());
        return await SaveAsync(id, () => calendars.AddExceptionAsync(id, exception, Version, ct),
            $"{exception.Name ?? "The exception"} is in the calendar and the plan rescheduled.", ct);
    }

    [ProjectPermission(WaterfallModule.ManagePlan)]
    public async Task<IActionResult> OnPostRemoveExceptionAsync(long id, long exceptionId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit) return Forbid();
        try
        {
            return await SaveAsync(id, () => calendars.RemoveExceptionAsync(id, exceptionId, Version, ct), "The exception is removed and the plan rescheduled.", ct);
        }
        catch (NotFoundException)
        {
            ModelState.AddModelError("", "That exception is no longer in the calendar: someone else removed it. Nothing was changed.");
            return Page();
        }
    }

    private async Task<IActionResult> SaveAsync(long id, Func<Task<long>> save, string message, CancellationToken ct)
    {
        try
        {
            await save();
            TempData.Success(message);
            return Redirect($"/Projects/{id}/Waterfall/Calendar");
        }
        catch (DomainValidationException ex)
        {
            foreach (var (_, messages) in ex.Errors) foreach (var m in messages) ModelState.AddModelError("", m);
            return Page();
        }
        catch (ConcurrencyConflictException ex)
        {
            // What the user typed stays in the form; the page shows the calendar as it is now, with its current version.
            ModelState.AddModelError("", ex.Message);
            await LoadAsync(id, ct);
            Version = CurrentVersion;
            return Page();
        }
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Calendar", ct);
        ViewData["WfSection"] = "calendar";
        var (calendar, settings, version) = await calendars.GetAsync(id, ct);
        Calendar = calendar;
        if (Request.Method == "GET") HoursPerDay = settings.MinutesPerDay / 60m;
        CurrentVersion = version;
        if (Request.Method == "GET") Version = version;
    }
}
