using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Dapper;
using static TsPmo.Scrum.Tests.ScrumApiTests;

namespace TsPmo.Scrum.Tests;

/// <summary>The Scrum pages without JavaScript: every form posts and redirects, errors show next to fields.</summary>
public sealed class ScrumPagesTests
{
    [Fact]
    public async Task Backlog_forms_add_items_step_them_up_and_show_errors_next_to_the_field()
    {
        var (factory, api, id) = await ScrumProjectAsync("PAG-1");
        using var _ = factory;
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var page = $"/Projects/{id}/Scrum/Backlog";

        foreach (var title in new[] { "First", "Second" })
            Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(page, $"{page}?handler=Add",
                ("NewItem.Title", title), ("NewItem.Type", "Story"), ("NewItem.Points", "3"), ("NewItem.EstimateHours", ""))).StatusCode);
        var bad = await browser.PostFormAsync(page, $"{page}?handler=Add", ("NewItem.Title", "Negative"), ("NewItem.Type", "Bug"), ("NewItem.Points", "-2"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Story points cannot be negative", await bad.Content.ReadAsStringAsync());
        Assert.Equal(2, await factory.ScalarAsync("SELECT COUNT(*) FROM scrum_item"));

        var second = await factory.ScalarAsync("SELECT id FROM scrum_item WHERE title = 'Second'");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(page, $"{page}?handler=Step", ("step", $"{second}:up"))).StatusCode);
        var html = await browser.GetStringAsync(page);
        Assert.True(html.IndexOf(">Second<", StringComparison.Ordinal) < html.IndexOf(">First<", StringComparison.Ordinal), "Second moved to the top.");
        Assert.Contains("aria-label=\"Move Second down\"", html);

        // Drag (htmx) answers the list itself.
        var token = await browser.AntiforgeryTokenAsync(page);
        var request = new HttpRequestMessage(HttpMethod.Post, $"{page}?handler=Reorder")
        {
            Content = new FormUrlEncodedContent([new("itemId", second.ToString()), new("position", "1"), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("HX-Request", "true");
        var partial = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var list = await partial.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"backlog\"", list.TrimStart());
        Assert.True(list.IndexOf(">First<", StringComparison.Ordinal) < list.IndexOf(">Second<", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Planning_start_board_move_and_complete_work_through_plain_forms()
    {
        var (factory, api, id) = await ScrumProjectAsync("PAG-2");
        using var _ = factory;
        var today = Today(factory);
        var item = await ItemAsync(api, id, "Pay by card", 5);
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        var sprints = $"/Projects/{id}/Scrum/Sprints";
        var backwards = await browser.PostFormAsync(sprints, sprints, ("NewSprint.Name", "Sprint 1"), ("NewSprint.Start", today.ToString("yyyy-MM-dd")),
            ("NewSprint.End", today.AddDays(-1).ToString("yyyy-MM-dd")), ("NewSprint.CapacityPoints", "10"));
        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.Contains("is before the start date", await backwards.Content.ReadAsStringAsync());
        var created = await browser.PostFormAsync(sprints, sprints, ("NewSprint.Name", "Sprint 1"), ("NewSprint.Start", today.ToString("yyyy-MM-dd")),
            ("NewSprint.End", today.AddDays(13).ToString("yyyy-MM-dd")), ("NewSprint.CapacityPoints", "4"), ("NewSprint.Goal", "Card payments"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planning = created.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(planning, $"{planning}?handler=Add", ("itemId", item.ToString()))).StatusCode);
        var html = await browser.GetStringAsync(planning);
        Assert.Contains("Overcommitted", html); // 5 planned against a capacity of 4
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(planning, $"{planning}?handler=Start")).StatusCode);

        var board = $"/Projects/{id}/Scrum/Board";
        Assert.Contains("Pay by card", await browser.GetStringAsync(board));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(board, $"{board}?handler=Move", ("itemId", item.ToString()), ("status", "Done"))).StatusCode);
        Assert.Equal("Done", await factory.ScalarTextAsync("SELECT status FROM scrum_item WHERE id = @item", new { item }));

        var itemPage = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Projects/{id}/Scrum/Items/{item}"));
        Assert.Contains("Committed to Sprint 1 at its start (5 pts)", itemPage);
        Assert.Contains("To do → Done", itemPage);

        var report = await browser.GetStringAsync($"{planning}/Report");
        Assert.Contains("id=\"chart-burndown\"", report);
        Assert.Contains("Burndown as a table", report);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(planning, $"{planning}?handler=Complete", ("unfinishedTo", "Backlog"))).StatusCode);
        var velocity = await browser.GetStringAsync($"/Projects/{id}/Scrum/Velocity");
        Assert.Contains("id=\"velocity-table\"", velocity);
        Assert.Contains("Nothing is left to do.", velocity);

        // A second completion through the form shows the refusal, and changes nothing.
        var again = await browser.PostFormAsync(planning, $"{planning}?handler=Complete", ("unfinishedTo", "Backlog"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("is already completed", await browser.GetStringAsync(planning));
    }

    [Fact]
    public async Task The_backlog_page_of_two_thousand_items_lists_them_all()
    {
        var (factory, api, id) = await ScrumProjectAsync("BIG-1");
        using var _ = factory;
        await using (var db = new SqliteConnection(factory.ConnectionString))
        {
            await db.OpenAsync();
            await using var tx = await db.BeginTransactionAsync();
            await db.ExecuteAsync("""
                INSERT INTO scrum_item (project_id, type, title, points, status, rank, created_at, updated_at)
                VALUES (@id, 'Story', @title, @points, 'ToDo', @rank, '2025-01-01T00:00:00.0000000Z', '2025-01-01T00:00:00.0000000Z')
                """, Enumerable.Range(0, 2000).Select(n => new { id, title = $"Story {n}", points = n % 8, rank = n }), tx);
            await tx.CommitAsync();
        }
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var html = await browser.GetStringAsync($"/Projects/{id}/Scrum/Backlog");
        Assert.Contains("2000 item(s)", html);
        Assert.Contains(">Story 1999<", html);
    }
}
