using TsPmo.Core.People;
using TsPmo.Core.Tests.Support;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Tests.People;

public sealed class PersonServiceTests : PeopleTestBase
{
    private static PersonInput Valid(string name = "Grace Hopper") => new()
    {
        Name = name, Email = "grace@example.com", Title = "Engineer", WeeklyCapacityHours = 32.5m,
        Skills = [new SkillInput { Name = "COBOL", Level = 5 }, new SkillInput { Name = " Compilers ", Level = 4 }],
    };

    [Fact]
    public async Task Create_stores_the_person_trimmed_with_skills_version_1_and_an_audit_row()
    {
        var person = await People().CreateAsync(Valid() with { Name = "  Grace Hopper ", Title = "  " });

        var stored = await People().FindAsync(person.Id);
        Assert.NotNull(stored);
        Assert.Equal(("Grace Hopper", "grace@example.com", null, 32.5m, 1L, false),
            (stored.Name, stored.Email, stored.Title, stored.WeeklyCapacityHours, stored.Version, stored.Archived));
        Assert.Equal([new Skill("COBOL", 5), new Skill("Compilers", 4)], stored.Skills);
        Assert.Equal(Time.Now, stored.CreatedAt);
        Assert.Equal(1L, await AuditCountAsync("person", person.Id.ToString(), "created"));
        Assert.Equal("core", await Db.ScalarAsync<string>("SELECT module_id FROM core_audit WHERE entity_type = 'person'"));
    }

    [Fact]
    public async Task Every_bad_field_is_reported_by_name_and_nothing_is_written()
    {
        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => People().CreateAsync(new PersonInput
        {
            Name = " ", Email = "Grace <grace@example.com>", Title = new string('t', 101), WeeklyCapacityHours = 81,
            Skills = [new SkillInput { Name = "SQL", Level = 7 }],
        }));

        Assert.Equal(["email", "name", "skills", "title", "weeklyCapacityHours"], ex.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("7", Assert.Single(ex.Errors["skills"]));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM core_person"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM core_audit"));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(80, true)]
    [InlineData(-1, false)]
    [InlineData(80.5, false)]
    public async Task Capacity_is_0_to_80_hours(double hours, bool accepted)
    {
        var input = Valid() with { WeeklyCapacityHours = (decimal)hours };

        if (accepted) Assert.Equal((decimal)hours, (await People().CreateAsync(input)).WeeklyCapacityHours);
        else Assert.Equal(["weeklyCapacityHours"], (await Assert.ThrowsAsync<DomainValidationException>(() => People().CreateAsync(input))).Errors.Keys);
    }

    [Fact]
    public async Task Skill_names_are_at_most_40_characters_and_distinct_whatever_their_case()
    {
        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => People().CreateAsync(Valid() with
        {
            Skills = [new SkillInput { Name = new string('s', 41), Level = 3 }, new SkillInput { Name = "Go", Level = 2 }, new SkillInput { Name = "GO", Level = 4 }],
        }));

        Assert.Equal(["skills"], ex.Errors.Keys);
        Assert.Equal(2, ex.Errors["skills"].Length);
        Assert.Contains(ex.Errors["skills"], m => m.Contains("GO is listed twice"));
    }

    [Fact]
    public async Task An_email_is_unique_whatever_its_case_but_may_be_left_empty_by_many()
    {
        await People().CreateAsync(Valid());
        await People().CreateAsync(Valid("No Mail") with { Email = "" });
        await People().CreateAsync(Valid("No Mail Either") with { Email = null });

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => People().CreateAsync(Valid("Other Grace") with { Email = "GRACE@Example.com" }));

        Assert.Equal(["email"], ex.Errors.Keys);
        Assert.Contains("Grace Hopper", ex.Errors["email"][0]);
        Assert.Equal(3L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM core_person"));
    }

    [Fact]
    public async Task Update_keeps_its_own_email_bumps_the_version_and_audits_before_and_after()
    {
        var person = await People().CreateAsync(Valid());

        var updated = await People().UpdateAsync(person.Id, person.Version, Valid() with { Title = "Rear Admiral", Skills = [] });

        Assert.Equal(("Rear Admiral", 2L), (updated.Title, updated.Version));
        Assert.Empty(updated.Skills);
        var json = await Db.ScalarAsync<string>("SELECT before_json || '|' || after_json FROM core_audit WHERE action = 'updated'");
        Assert.Contains("\"title\":\"Engineer\"", json);
        Assert.Contains("\"title\":\"Rear Admiral\"", json);
    }

    [Fact]
    public async Task A_stale_update_is_a_conflict_and_the_newer_change_is_kept()
    {
        var person = await People().CreateAsync(Valid());
        await People().UpdateAsync(person.Id, 1, Valid() with { Title = "First edit" });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => People().UpdateAsync(person.Id, 1, Valid() with { Title = "Stale edit" }));

        var stored = await People().FindAsync(person.Id);
        Assert.Equal(("First edit", 2L), (stored!.Title, stored.Version));
        Assert.Equal(1L, await AuditCountAsync("person", person.Id.ToString(), "updated"));
    }

    [Fact]
    public async Task Updating_someone_missing_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => People().UpdateAsync(404, 1, Valid()));
    }

    [Fact]
    public async Task A_linked_account_must_exist_and_not_be_linked_to_someone_else()
    {
        var userId = await UserAsync("grace@example.com");
        var grace = await People().CreateAsync(Valid() with { UserId = userId });
        Assert.Equal((userId, "grace@example.com"), (grace.UserId!.Value, grace.UserEmail));

        var taken = await Assert.ThrowsAsync<DomainValidationException>(() => People().CreateAsync(Valid("Ada") with { Email = null, UserId = userId }));
        var missing = await Assert.ThrowsAsync<DomainValidationException>(() => People().CreateAsync(Valid("Ada") with { Email = null, UserId = 999 }));

        Assert.Contains("Grace Hopper", Assert.Single(taken.Errors["userId"]));
        Assert.Equal(["userId"], missing.Errors.Keys);
        // Re-saving the person who holds the link is fine.
        await People().UpdateAsync(grace.Id, grace.Version, Valid() with { UserId = userId });
    }

    [Fact]
    public async Task Archived_people_leave_the_list_and_come_back_when_restored()
    {
        var person = await People().CreateAsync(Valid());

        var archived = await People().SetArchivedAsync(person.Id, person.Version, true);

        Assert.True(archived.Archived);
        Assert.Empty((await People().ListAsync(new PersonQuery())).Items);
        Assert.Single((await People().ListAsync(new PersonQuery { IncludeArchived = true })).Items);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => People().SetArchivedAsync(person.Id, person.Version, false));
        await People().SetArchivedAsync(person.Id, archived.Version, false);
        Assert.Single((await People().ListAsync(new PersonQuery())).Items);
        Assert.Equal(1L, await AuditCountAsync("person", person.Id.ToString(), "archived"));
        Assert.Equal(1L, await AuditCountAsync("person", person.Id.ToString(), "restored"));
    }

    [Theory]
    [InlineData(Roles.ProjectManager)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Viewer)]
    public async Task Only_admins_and_the_pmo_change_people(string role)
    {
        var person = await People().CreateAsync(Valid());
        var other = People(As(role));

        Assert.False(other.CanManage);
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.CreateAsync(Valid("Ada") with { Email = null }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.UpdateAsync(person.Id, person.Version, Valid()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.SetArchivedAsync(person.Id, person.Version, true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.AddTimeOffAsync(person.Id, new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 2), null));
        Assert.NotNull(await other.FindAsync(person.Id));
        Assert.True(People(As(Roles.Pmo)).CanManage);
        Assert.False(People(FakeCurrentUser.Anonymous).CanManage);
    }

    [Fact]
    public async Task Linkable_accounts_are_those_not_linked_to_another_person()
    {
        var linked = await UserAsync("linked@example.com");
        var free = await UserAsync("free@example.com");
        var person = await People().CreateAsync(Valid() with { UserId = linked });

        Assert.Equal([free], (await People().LinkableAccountsAsync()).Select(a => a.Id));
        Assert.Equal([linked, free], (await People().LinkableAccountsAsync(person.Id)).Select(a => a.Id).Order());
    }
}
