using TsPmo.Sdk.Security;
using TsPmo.Core.People;

namespace TsPmo.Core.Tests.People;

/// <summary>The read port modules use: <see cref="PeopleDirectory"/>.</summary>
public sealed class PeopleDirectoryTests : PeopleTestBase
{
    [Fact]
    public async Task Find_and_list_give_the_port_facts_and_the_list_skips_the_archived()
    {
        var userId = await UserAsync("ada@example.com");
        var ada = await People().CreateAsync(new PersonInput { Name = "Ada", Email = "ada@example.com", WeeklyCapacityHours = 37.5m, UserId = userId });
        var gone = await PersonAsync("Gone");
        await People().SetArchivedAsync(gone.Id, gone.Version, true);
        var directory = new PeopleDirectory(Db.Connections);

        var found = await directory.FindAsync(ada.Id);

        Assert.Equal(new TsPmo.Sdk.Ports.Directory.PersonInfo(ada.Id, "Ada", "ada@example.com", 37.5m, userId), found);
        Assert.Null(await directory.FindAsync(999));
        Assert.NotNull(await directory.FindAsync(gone.Id));
        Assert.Equal(["Ada"], (await directory.ListAsync()).Select(p => p.Name));
    }

    [Fact]
    public async Task Members_carry_the_project_role_as_text()
    {
        var projectId = await ProjectAsync("CRM");
        var ada = await PersonAsync("Ada");
        await Memberships().AddAsync(projectId, ada.Id, ProjectRole.Manager);

        var member = Assert.Single(await new PeopleDirectory(Db.Connections).MembersAsync(projectId));

        Assert.Equal(new TsPmo.Sdk.Ports.Directory.ProjectMember(ada.Id, "Ada", "Manager"), member);
    }
}
