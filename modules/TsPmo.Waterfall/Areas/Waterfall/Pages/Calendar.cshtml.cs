using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>The project calendar: working hours of each weekday, the length of a day, and exceptions (holidays, extra working days).</summary>
public sealed class CalendarModel(CalendarService calendars) : ProjectPageModel
{
    private static readonly DayOfWeek[] Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    protected override string? MethodologyId => WaterfallModule.Id;
    protected override string WorkPermission => WaterfallModule.EditProgress;
    protected override string ManagePermission => WaterfallModule.ManagePlan;

    /// <summary>The calendar service's validation names the calendar's parts (week, exceptions, minutesPerDay): shown above the forms.</summary>
    protected override string InputPrefix => "Calendar";

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

    /// <summary>Set when a save was refused as stale: the page then carries the current version, so saving again is a deliberate overwrite.</summary>

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
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        foreach (var day in Days)
        {
            if (!CalendarRules.TryParseIntervals(Week.GetValueOrDefault(day.ToString()), out var intervals))
                ModelState.AddModelError($"Week[{day}]", $"{day}: write working times like 08:00-12:00, 13:00-17:00 (empty = not working).");
            else if (intervals.Count > 0) week[day] = intervals;
        }
        if (!ModelState.IsValid) return await ShowAsync(id, ct);
        var minutesPerDay = (int)Math.Round(HoursPerDay * 60);
        await calendars.SaveAsync(id, (current, _) => (current with { Week = week }, minutesPerDay), Version, ct);
        return Saved(id, "The working week is saved and the plan rescheduled.");
    }

    [ProjectPermission(WaterfallModule.ManagePlan)]
    public async Task<IActionResult> OnPostAddExceptionAsync(long id, CancellationToken ct)
    {
        if (NewException.From is not { } from)
        {
            ModelState.AddModelError("NewException.From", "Give the first date of the exception.");
            return await ShowAsync(id, ct);
        }
        if (!CalendarRules.TryParseIntervals(NewException.Working, out var working))
        {
            ModelState.AddModelError("NewException.Working", "Write working times like 08:00-12:00 (empty = a non-working day).");
            return await ShowAsync(id, ct);
        }
        var exception = new CalendarException(from, NewException.To ?? from, working, string.IsNullOrWhiteSpace(NewException.Name) ? null : NewException.Name.Trim());
        await calendars.AddExceptionAsync(id, exception, Version, ct);
        return Saved(id, $"{exception.Name ?? "The exception"} is in the calendar and the plan rescheduled.");
    }

    [ProjectPermission(WaterfallModule.ManagePlan)]
    public async Task<IActionResult> OnPostRemoveExceptionAsync(long id, long exceptionId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        // Removed by someone else since the page was read, at the version the page holds: say so rather than show a 404.
        if ((Version is null || Version == CurrentVersion) && !Calendar.Exceptions.Any(e => e.Id == exceptionId))
        {
            ModelState.AddModelError("", "That exception is no longer in the calendar: someone else removed it. Nothing was changed.");
            return Page();
        }
        await calendars.RemoveExceptionAsync(id, exceptionId, Version, ct);
        return Saved(id, "The exception is removed and the plan rescheduled.");
    }


    /// <summary>What the user typed stays in the form; the page shows the calendar as it is now (with its current version after a conflict).</summary>
    protected override async Task ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(Convert.ToInt64(RouteData.Values["id"], CultureInfo.InvariantCulture), ct);
        if (RefusedAsStale) Version = CurrentVersion;
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    private RedirectToPageResult Saved(long id, string message)
    {
        TempData.Success(message);
        return RedirectToPage("/Calendar", new { area = "Waterfall", id });
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
