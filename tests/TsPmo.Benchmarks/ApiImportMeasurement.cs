using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TsPmo.Testing;
using TsPmo.Waterfall.Engine.Mspdi;
using TsPmo.Waterfall.Engine.Scheduling;
using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Benchmarks;

/// <summary>
/// The 2,000-task MS Project import through the real API (host + modules from the plugins folder, a temporary SQLite file),
/// timed here instead of in the test suite: <c>dotnet run -c Release --project tests/TsPmo.Benchmarks -- api-import [runs]</c>.
/// Prints each run and whether it met the 2 s budget; the functional checks stay in TsPmo.Waterfall.Tests.
/// </summary>
public static class ApiImportMeasurement
{
    public static async Task<int> RunAsync(int runs)
    {
        var project = WaterfallPlans.Project(2_000, 4_000);
        var schedule = CpmScheduler.Compute(new PlanInput(project.Start, project.Calendar, project.Tasks.Select(t => t.Plan).ToList(), project.Links));
        using var buffer = new MemoryStream();
        MspdiWriter.Write(project, schedule, buffer);
        var xml = Encoding.UTF8.GetString(buffer.ToArray());

        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var worst = TimeSpan.Zero;
        for (var run = 0; run <= runs; run++)
        {
            var created = await api.PostAsJsonAsync("/api/v1/projects", new { name = $"Import {run}", code = $"IMP-{run}", methodology = "waterfall", startDate = "2026-03-02" });
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            var watch = Stopwatch.StartNew();
            var response = await api.PostAsync($"/api/v1/projects/{id}/waterfall/import", new StringContent(xml, Encoding.UTF8, "application/xml"));
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Console.Error.WriteLine($"Import answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return 1;
            }
            if (run == 0) { Console.WriteLine($"warm-up import: {watch.ElapsedMilliseconds} ms ({xml.Length / 1024} KB)"); continue; }
            worst = watch.Elapsed > worst ? watch.Elapsed : worst;
            watch.Restart();
            await api.GetStringAsync($"/api/v1/projects/{id}/waterfall/schedule");
            var get = watch.ElapsedMilliseconds;
            Console.WriteLine($"run {run}: import {worst.TotalMilliseconds:0} ms worst so far, GET schedule {get} ms");
        }
        Console.WriteLine($"2,000-task import through the API: worst {worst.TotalMilliseconds:0} ms over {runs} runs; budget 2,000 ms: {(worst < TimeSpan.FromSeconds(2) ? "met" : "NOT met")}");
        return 0;
    }
}
