using System.Net;

namespace TsPmo.Waterfall.Tests;

public sealed class WaterfallTaskDeletePageTests
{
    [Fact]
    public async Task The_task_page_deletes_only_after_the_box_is_ticked_and_reschedules_the_successor()
    {
        var (factory, api, id) = await WaterfallPlanApiTests.WaterfallProjectAsync("2026-03-02");
        using var _ = factory;
        var design = (await WaterfallPlanApiTests.TaskAsync(api, id, new { name = "Design", durationDays = 3 })).GetProperty("id").GetInt64();
        var build = (await WaterfallPlanApiTests.TaskAsync(api, id, new { name = "Build", durationDays = 2,
            predecessors = new[] { new { taskId = design, type = "FS" } } })).GetProperty("id").GetInt64();
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var page = $"/Projects/{id}/Waterfall/Tasks/{design}";

        var unconfirmed = await browser.PostFormAsync(page, $"{page}?handler=Delete", ("Version", "1"));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(2, (await WaterfallPlanApiTests.ScheduleAsync(api, id)).GetProperty("tasks").GetArrayLength());

        var confirmed = await browser.PostFormAsync(page, $"{page}?handler=Delete", ("Version", "1"), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var left = Assert.Single((await WaterfallPlanApiTests.ScheduleAsync(api, id)).GetProperty("tasks").EnumerateArray());
        Assert.Equal((build, "2026-03-02"), (left.GetProperty("id").GetInt64(), left.GetProperty("earlyStart").GetString()));
    }
}
