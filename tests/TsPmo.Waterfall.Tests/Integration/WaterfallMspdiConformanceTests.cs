using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace TsPmo.Waterfall.Tests;

/// <summary>
/// MSPDI conformance through the API, as the acceptance checker does it: every sample file found in place (never copied into
/// the repository) is imported into a new Waterfall project, and the schedule's days of the plain tasks (leaf, automatic,
/// not started, as soon as possible) must match the dates and Critical flags Microsoft Project saved in the file for at least
/// 95 % of them, at least one task must be compared per file, and the schedule's finish must be the file's project finish day.
/// </summary>
public sealed class WaterfallMspdiConformanceTests(ITestOutputHelper output)
{
    private static readonly XNamespace Ns = "http://schemas.microsoft.com/project";

    [Fact]
    public async Task Imported_samples_schedule_like_Microsoft_Project()
    {
        var folder = TestSamples.MspdiFolder();
        if (folder is null) return; // the samples are not distributed with the repository
        var files = Directory.GetFiles(folder, "*.xml").OrderBy(f => f).ToList();
        Assert.NotEmpty(files);
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var failures = new List<string>();
        var n = 0;
        foreach (var file in files)
        {
            var xml = await File.ReadAllTextAsync(file);
            var doc = XDocument.Parse(xml);
            var root = doc.Root!;
            var start = Date(root.Element(Ns + "StartDate")?.Value);
            var finish = Date(root.Element(Ns + "FinishDate")?.Value);
            var created = await api.PostAsJsonAsync("/api/v1/projects", new
            {
                name = Path.GetFileNameWithoutExtension(file), code = $"MSP-{++n}", methodology = "waterfall",
                startDate = start?.ToString("yyyy-MM-dd"), targetDate = finish is { } f && f >= start ? f.ToString("yyyy-MM-dd") : null,
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
            var imported = await api.PostAsync($"/api/v1/projects/{id}/waterfall/import", new StringContent(xml, Encoding.UTF8, "application/xml"));
            if (imported.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{Path.GetFileName(file)}: import answered {(int)imported.StatusCode} {await imported.Content.ReadAsStringAsync()}");
                continue;
            }
            Compare(file, root, await WaterfallPlanApiTests.ScheduleAsync(api, id), "imported", failures);

            // Any edit reschedules the whole plan from the stored rows: what the import kept must give the same dates.
            var firstTask = (await WaterfallPlanApiTests.ScheduleAsync(api, id)).GetProperty("tasks")[0].GetProperty("id").GetInt64();
            var touched = await api.PatchAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks/{firstTask}", new { notes = "Rescheduled by the conformance test" });
            Assert.True(touched.IsSuccessStatusCode, await touched.Content.ReadAsStringAsync());
            Compare(file, root, await WaterfallPlanApiTests.ScheduleAsync(api, id), "after an edit", failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private void Compare(string file, XElement root, System.Text.Json.JsonElement schedule, string when, List<string> failures)
    {
        {
            var computed = schedule.GetProperty("tasks").EnumerateArray()
                .GroupBy(t => t.GetProperty("name").GetString() ?? "").ToDictionary(g => g.Key, g => new Queue<System.Text.Json.JsonElement>(g));

            int compared = 0, startOk = 0, finishOk = 0, criticalOk = 0;
            foreach (var task in root.Element(Ns + "Tasks")?.Elements(Ns + "Task") ?? [])
            {
                var name = task.Element(Ns + "Name")?.Value ?? "";
                if (task.Element(Ns + "UID")?.Value == "0" || task.Element(Ns + "IsNull")?.Value == "1" || name.Length == 0) continue;
                if (!computed.TryGetValue(name, out var queue) || queue.Count == 0) continue;
                var row = queue.Dequeue();
                if (task.Element(Ns + "Summary")?.Value == "1" || task.Element(Ns + "Manual")?.Value == "1" || task.Element(Ns + "ActualStart") is not null
                    || (task.Element(Ns + "ConstraintType")?.Value ?? "0") != "0") continue;
                if (Date(task.Element(Ns + "Start")?.Value) is not { } fileStart || Date(task.Element(Ns + "Finish")?.Value) is not { } fileFinish) continue;
                compared++;
                if (row.GetProperty("earlyStart").GetString() == fileStart.ToString("yyyy-MM-dd")) startOk++;
                if (row.GetProperty("earlyFinish").GetString() == FinishDay(fileFinish).ToString("yyyy-MM-dd")) finishOk++;
                else output.WriteLine($"  {name}: finish {row.GetProperty("earlyFinishAt")} against the file's {fileFinish:yyyy-MM-ddTHH:mm}");
                if (task.Element(Ns + "Critical")?.Value is not { } fileCritical || (fileCritical == "1") == row.GetProperty("critical").GetBoolean()) criticalOk++;
                else output.WriteLine($"  {name}: critical {row.GetProperty("critical")} against the file's {fileCritical}");
            }
            var fileProjectFinish = Date(root.Element(Ns + "FinishDate")?.Value);
            var projectFinish = schedule.GetProperty("finish").GetString();
            var projectFinishOk = fileProjectFinish is not { } pf || projectFinish == FinishDay(pf).ToString("yyyy-MM-dd");
            output.WriteLine($"{Path.GetFileName(file)} ({when}): {compared} tasks compared, starts {startOk}, finishes {finishOk}, critical {criticalOk}, project finish {projectFinish} against the file's {fileProjectFinish:yyyy-MM-ddTHH:mm}");
            if (compared == 0)
                failures.Add($"{Path.GetFileName(file)} ({when}): no task was compared");
            else if (startOk < 0.95 * compared || finishOk < 0.95 * compared || criticalOk < 0.95 * compared)
                failures.Add($"{Path.GetFileName(file)} ({when}): starts {startOk}/{compared}, finishes {finishOk}/{compared}, critical {criticalOk}/{compared}");
            if (!projectFinishOk)
                failures.Add($"{Path.GetFileName(file)} ({when}): project finish {projectFinish}, the file's {fileProjectFinish:yyyy-MM-ddTHH:mm}");
        }
    }

    private static DateTime? Date(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A finish at or before the day's first working minute (08:00 in the standard calendar) belongs to the previous working day.</summary>
    private static DateOnly FinishDay(DateTime finish)
    {
        var day = DateOnly.FromDateTime(finish);
        if (finish.TimeOfDay > TimeSpan.FromHours(8)) return day;
        do day = day.AddDays(-1); while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        return day;
    }
}
