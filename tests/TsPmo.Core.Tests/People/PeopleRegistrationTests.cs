using Dapper;
using TsPmo.Core.Audit;
using TsPmo.Core.People;
using TsPmo.Core.Tests.Support;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.Tests.People;

public sealed class PeopleRegistrationTests : PeopleTestBase
{
    private PeopleRegistration Registration() => new(Db.Connections, new AuditLog(new FakeCurrentUser(), Time), Time);

    [Fact]
    public async Task Matches_by_email_first_then_by_a_unique_name_else_creates_and_audits()
    {
        var ada = await PersonAsync("Ada Lovelace", "ada@example.com");
        await PersonAsync("Sam");
        await PersonAsync("sam");

        var byEmail = await Registration().MatchOrCreateAsync("A. Lovelace", "ADA@example.com");
        var byName = await Registration().MatchOrCreateAsync("ada lovelace", null);
        var ambiguous = await Registration().MatchOrCreateAsync("Sam", null);
        var created = await Registration().MatchOrCreateAsync("  Grace Hopper ", "grace@example.com");

        Assert.Equal(ada.Id, byEmail.Id);
        Assert.Equal(ada.Id, byName.Id);
        Assert.Equal(("Sam", (string?)null, 40m), (ambiguous.Name, ambiguous.Email, ambiguous.WeeklyCapacityHours));
        Assert.Equal(("Grace Hopper", "grace@example.com"), (created.Name, created.Email));
        await using var connection = await Db.OpenAsync();
        Assert.Equal(5, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_person"));
        Assert.Equal(5, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_audit WHERE entity_type = 'person' AND action = 'created'"));
    }

    [Fact]
    public async Task A_blank_name_is_refused()
    {
        await Assert.ThrowsAsync<DomainValidationException>(() => Registration().MatchOrCreateAsync("  ", "x@example.com"));
    }
}
