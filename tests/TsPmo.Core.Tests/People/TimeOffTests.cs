using TsPmo.Core.People;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.Tests.People;

public sealed class TimeOffTests : PeopleTestBase
{
    [Fact]
    public async Task Time_off_is_added_in_date_order_audited_and_leaves_the_version_alone()
    {
        var person = await PersonAsync("Ada");

        await People().AddTimeOffAsync(person.Id, new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 15), " Summer ");
        await People().AddTimeOffAsync(person.Id, new DateOnly(2025, 4, 18), new DateOnly(2025, 4, 18), null);

        var stored = (await People().FindAsync(person.Id))!;
        Assert.Equal([(new DateOnly(2025, 4, 18), new DateOnly(2025, 4, 18), (string?)null), (new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 15), "Summer")],
            stored.TimeOff.Select(t => (t.Start, t.End, t.Reason)));
        Assert.Equal(1L, stored.Version);
        Assert.Equal(2L, await AuditCountAsync("person", person.Id.ToString(), "time off added"));
        Assert.Contains("\"start\":\"2025-08-01\"", await Db.ScalarAsync<string>("SELECT after_json FROM core_audit WHERE action = 'time off added' ORDER BY id LIMIT 1"));
    }

    [Fact]
    public async Task The_last_day_cannot_be_before_the_first_and_both_are_needed()
    {
        var person = await PersonAsync("Ada");

        var backwards = await Assert.ThrowsAsync<DomainValidationException>(() =>
            People().AddTimeOffAsync(person.Id, new DateOnly(2025, 8, 15), new DateOnly(2025, 8, 1), null));
        var missing = await Assert.ThrowsAsync<DomainValidationException>(() => People().AddTimeOffAsync(person.Id, null, null, null));

        Assert.Equal(["end"], backwards.Errors.Keys);
        Assert.Equal(["end", "start"], missing.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty((await People().FindAsync(person.Id))!.TimeOff);
    }

    [Fact]
    public async Task Removing_time_off_deletes_only_that_period_of_that_person()
    {
        var ada = await PersonAsync("Ada");
        var bob = await PersonAsync("Bob");
        var period = await People().AddTimeOffAsync(ada.Id, new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 2), null);

        await Assert.ThrowsAsync<NotFoundException>(() => People().RemoveTimeOffAsync(bob.Id, period.Id));
        await People().RemoveTimeOffAsync(ada.Id, period.Id);

        Assert.Empty((await People().FindAsync(ada.Id))!.TimeOff);
        Assert.Equal(1L, await AuditCountAsync("person", ada.Id.ToString(), "time off removed"));
    }

    [Fact]
    public async Task Time_off_for_someone_missing_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => People().AddTimeOffAsync(404, new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 2), null));
    }
}
