using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace TsPmo.E2E;

/// <summary>
/// A project manager plans a Waterfall project: builds a WBS with a summary, links of several types and a milestone, sees the
/// Gantt chart with its critical path, saves a baseline, records progress and reads earned value; and imports a Microsoft
/// Project file into another project.
/// </summary>
public sealed class WaterfallJourneyTests
{
    private static async Task CreateProjectAsync(IPage page, string name, string code, DateOnly start)
    {
        await page.GotoAsync("/Projects/New");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByLabel("Methodology").SelectOptionAsync("waterfall");
        await page.GetByLabel("Start date").FillAsync(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is in Initiation");
        await page.GetByRole(AriaRole.Navigation, new() { Name = $"{name} sections" }).GetByRole(AriaRole.Link, new() { Name = "Plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plan", Exact = true })).ToBeVisibleAsync();
    }

    private static async Task AddTaskAsync(IPage page, string name, string? days = null, string? under = null, string? predecessors = null, bool milestone = false)
    {
        await page.GetByLabel("Task name").FillAsync(name);
        if (days is not null) await page.GetByLabel("Duration (days)").FillAsync(days);
        if (under is not null) await page.GetByLabel("Under summary").SelectOptionAsync(new SelectOptionValue { Label = under });
        if (predecessors is not null) await page.GetByLabel("Predecessors").FillAsync(predecessors);
        if (milestone) await page.GetByLabel("Milestone").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"\"{name}\" is in the plan");
    }

    private static async Task EditTaskAsync(IPage page, long projectId, string name, params (string Label, string Value)[] fields)
    {
        await page.GotoAsync($"/Projects/{projectId}/Waterfall/Plan");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Edit {name}" }).ClickAsync();
        foreach (var (label, value) in fields) await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save task" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"\"{name}\" saved");
    }

    [Fact]
    public async Task Build_a_plan_see_the_critical_path_save_a_baseline_and_read_earned_value()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await session.SignInAsync();
        var today = DateOnly.FromDateTime(DateTime.Today);
        var start = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 14); // Monday two weeks ago
        await CreateProjectAsync(page, "Customer portal relaunch", "CPR-1", start);
        var projectId = long.Parse(page.Url.Split('/')[4], CultureInfo.InvariantCulture);

        // IDs: 1 Design, 2 Build (summary), 3 Backend, 4 Frontend, 5 Release.
        await AddTaskAsync(page, "Design", "5");
        await AddTaskAsync(page, "Build", "1");
        await AddTaskAsync(page, "Backend", "10", under: "2. Build", predecessors: "1");
        await AddTaskAsync(page, "Frontend", "6", under: "2. Build", predecessors: "1SS+2d");
        await AddTaskAsync(page, "Release", milestone: true, predecessors: "3, 4FF");
        var wbs = page.Locator("table.wf-wbs");
        await Assertions.Expect(wbs.Locator("tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(wbs.Locator("tbody tr", new() { HasText = "Backend" })).ToContainTextAsync("Critical");
        await Assertions.Expect(wbs.Locator("tbody tr", new() { HasText = "Frontend" })).Not.ToContainTextAsync("Critical");
        await Assertions.Expect(wbs.Locator("tbody tr", new() { HasText = "Frontend" })).ToContainTextAsync("1SS+2d");

        // A cycle is refused with the tasks named, and nothing changes.
        await page.GetByLabel("Task name").FillAsync("Loop");
        await page.GetByLabel("Predecessors").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await Assertions.Expect(page.Locator("#NewTask_Predecessors-error")).ToContainTextAsync("There is no task with ID 9");
        await Assertions.Expect(wbs.Locator("tbody tr")).ToHaveCountAsync(5);
        await session.AssertAccessibleAsync();
        await page.GotoAsync($"/Projects/{projectId}/Waterfall/Plan");
        await session.ScreenshotAsync("waterfall-plan");

        // The task form and the calendar are accessible too; a national holiday is added to the calendar.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Frontend" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Predecessors")).ToHaveValueAsync("1SS+2d");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("waterfall-task");
        await page.GotoAsync($"/Projects/{projectId}/Waterfall/Calendar");
        await page.GetByLabel("Exception name").FillAsync("Founders' day");
        await page.GetByLabel("From").FillAsync(today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add exception" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Founders' day is in the calendar");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("waterfall-calendar");

        await EditTaskAsync(page, projectId, "Design", ("Planned cost", "5000"));
        await EditTaskAsync(page, projectId, "Backend", ("Planned cost", "8000"));
        await EditTaskAsync(page, projectId, "Frontend", ("Planned cost", "4800"));

        await page.GotoAsync($"/Projects/{projectId}/Waterfall/Baselines");
        await page.GetByLabel("Baseline name").FillAsync("Approved plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save baseline" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Baseline \"Approved plan\" saved with 5 task(s)");

        // Progress: design done over budget, backend and frontend under way.
        await EditTaskAsync(page, projectId, "Design", ("% complete", "100"), ("Actual cost", "5500"));
        await EditTaskAsync(page, projectId, "Backend", ("% complete", "40"), ("Actual cost", "3600"));
        await EditTaskAsync(page, projectId, "Frontend", ("% complete", "50"), ("Actual cost", "2000"));
        await page.GotoAsync($"/Projects/{projectId}/Waterfall/Baselines");
        await Assertions.Expect(page.Locator("#variance-table")).ToContainTextAsync("Backend");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("waterfall-baselines");

        await page.GotoAsync($"/Projects/{projectId}/Waterfall/Gantt");
        var gantt = page.Locator("figure.wf-gantt svg");
        await Assertions.Expect(gantt).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#gantt-desc")).ToContainTextAsync("Critical path: Backend, Release");
        await Assertions.Expect(page.Locator("#gantt-table tbody tr", new() { HasText = "Backend" })).ToContainTextAsync("Yes");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("waterfall-gantt");

        await page.GotoAsync($"/Projects/{projectId}/Waterfall/EarnedValue");
        await page.GetByLabel("Status date").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show earned value" }).ClickAsync();
        var figures = page.Locator("#evm-figures");
        await Assertions.Expect(figures).ToContainTextAsync("Budget at completion (BAC)");
        await Assertions.Expect(figures).ToContainTextAsync("17,800.00");
        await Assertions.Expect(figures).ToContainTextAsync("11,100.00"); // AC = 5,500 + 3,600 + 2,000
        await page.GetByRole(AriaRole.Button, new() { Name = $"Record these figures for {today:yyyy-MM-dd}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is recorded");
        await Assertions.Expect(page.Locator("#evm-chart")).ToBeVisibleAsync();
        await session.WaitForChartsAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("waterfall-earned-value");
    }

    [Fact]
    public async Task Import_a_Microsoft_Project_file_and_see_its_gantt_chart()
    {
        await using var session = await BrowserSession.StartAsync(bootstrapAdmin: true);
        var page = session.Page;
        await session.SignInAsync();
        await CreateProjectAsync(page, "Data centre move", "DCM-1", new DateOnly(2026, 3, 2));
        var projectId = long.Parse(page.Url.Split('/')[4], CultureInfo.InvariantCulture);

        await page.GotoAsync($"/Projects/{projectId}/Waterfall/Import");
        await page.GetByLabel("Microsoft Project XML file").SetInputFilesAsync(new FilePayload
        {
            Name = "dc-move.xml", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(SmallPlan()),
        });
        await session.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 6 task(s), 4 link(s), 2 resource(s)");
        await Assertions.Expect(page.Locator("#gantt-table tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#gantt-table tbody tr", new() { HasText = "Move the racks" })).ToContainTextAsync("2026-03-05");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("waterfall-imported-gantt");

        // A second import asks before it replaces the plan.
        await page.GotoAsync($"/Projects/{projectId}/Waterfall/Import");
        await page.GetByLabel("Microsoft Project XML file").SetInputFilesAsync(new FilePayload { Name = "broken.xml", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes("<Project>") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tick “Replace the current plan”");
        await page.GetByLabel("Microsoft Project XML file").SetInputFilesAsync(new FilePayload { Name = "broken.xml", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes("<Project>") });
        await page.GetByLabel("Replace the current plan (6 task(s)), its baselines and recorded earned value").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was imported");
        await session.AssertAccessibleAsync();
    }

    /// <summary>A small MSPDI file written here (never a copy of the shared samples): two phases, FS/SS links, a milestone, two resources.</summary>
    private static string SmallPlan()
    {
        var x = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project"><Name>DC move</Name><StartDate>2026-03-02T08:00:00</StartDate><MinutesPerDay>480</MinutesPerDay><CalendarUID>1</CalendarUID><Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>""");
        for (var d = 1; d <= 7; d++)
            x.Append(d is 1 or 7 ? $"<WeekDay><DayType>{d}</DayType><DayWorking>0</DayWorking></WeekDay>"
                : $"<WeekDay><DayType>{d}</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>");
        x.Append("</WeekDays></Calendar></Calendars><Tasks>");
        void Task(int uid, string name, int level, int hours, bool summary = false, bool milestone = false, string links = "") =>
            x.Append($"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><OutlineLevel>{level}</OutlineLevel><Summary>{(summary ? 1 : 0)}</Summary><Milestone>{(milestone ? 1 : 0)}</Milestone><Duration>PT{hours}H0M0S</Duration><Cost>{hours * 120}</Cost>{links}</Task>");
        static string Link(int uid, int type = 1, int lagTenths = 0) => $"<PredecessorLink><PredecessorUID>{uid}</PredecessorUID><Type>{type}</Type><LinkLag>{lagTenths}</LinkLag><LagFormat>7</LagFormat></PredecessorLink>";
        Task(1, "Preparation", 1, 0, summary: true);
        Task(2, "Inventory the racks", 2, 16);
        Task(3, "Book the movers", 2, 8, links: Link(2, 3, 4800));
        Task(4, "Move", 1, 0, summary: true);
        Task(5, "Move the racks", 2, 16, links: Link(2) + Link(3));
        Task(6, "Services back online", 2, 0, milestone: true, links: Link(5));
        x.Append("</Tasks><Resources><Resource><UID>1</UID><ID>1</ID><Name>Sam Mover</Name></Resource><Resource><UID>2</UID><ID>2</ID><Name>Kim Admin</Name><EmailAddress>kim.admin@example.com</EmailAddress></Resource></Resources>");
        x.Append("<Assignments><Assignment><UID>1</UID><TaskUID>2</TaskUID><ResourceUID>2</ResourceUID><Work>PT16H0M0S</Work></Assignment><Assignment><UID>2</UID><TaskUID>5</TaskUID><ResourceUID>1</ResourceUID><Work>PT16H0M0S</Work></Assignment></Assignments></Project>");
        return x.ToString();
    }
}
