using Dapper;
using TsPmo.Core.People;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Tests.People;

public sealed class MembershipServiceTests : PeopleTestBase
{
    [Fact]
    public async Task Members_are_added_changed_and_removed_each_audited_in_the_project()
    {
        var projectId = await ProjectAsync("CRM");
        var ada = await PersonAsync("Ada");

        var added = await Memberships().AddAsync(projectId, ada.Id, ProjectRole.Member);
        var changed = await Memberships().ChangeRoleAsync(projectId, ada.Id, ProjectRole.Manager);
        await Memberships().RemoveAsync(projectId, ada.Id);

        Assert.Equal((projectId, ada.Id, "Ada", ProjectRole.Member, Time.Now), (added.ProjectId, added.PersonId, added.Name, added.Role, added.AddedAt));
        Assert.Equal(ProjectRole.Manager, changed.Role);
        Assert.Empty(await Memberships().ListAsync(projectId));
        await using var connection = await Db.OpenAsync();
        var audit = (await connection.QueryAsync<(string Action, long ProjectId, string EntityId)>(
            "SELECT action, project_id, entity_id FROM core_audit WHERE entity_type = 'project-member' ORDER BY id")).ToList();
        Assert.Equal([("added", projectId, $"{projectId}/{ada.Id}"), ("role changed", projectId, $"{projectId}/{ada.Id}"), ("removed", projectId, $"{projectId}/{ada.Id}")], audit);
    }

    [Fact]
    public async Task The_list_is_managers_first_then_by_name()
    {
        var projectId = await ProjectAsync("CRM");
        foreach (var (name, role) in new[] { ("Zoe", ProjectRole.Viewer), ("Bob", ProjectRole.Member), ("Yan", ProjectRole.Manager), ("Al", ProjectRole.Member) })
            await Memberships().AddAsync(projectId, (await PersonAsync(name)).Id, role);

        Assert.Equal(["Yan", "Al", "Bob", "Zoe"], (await Memberships().ListAsync(projectId)).Select(m => m.Name));
    }

    [Fact]
    public async Task A_person_joins_once_and_must_exist_and_not_be_archived()
    {
        var projectId = await ProjectAsync("CRM");
        var ada = await PersonAsync("Ada");
        var gone = await PersonAsync("Gone");
        await People().SetArchivedAsync(gone.Id, gone.Version, true);
        await Memberships().AddAsync(projectId, ada.Id, ProjectRole.Member);

        foreach (var personId in new[] { ada.Id, gone.Id, 999 })
        {
            var ex = await Assert.ThrowsAsync<DomainValidationException>(() => Memberships().AddAsync(projectId, personId, ProjectRole.Viewer));
            Assert.Equal(["personId"], ex.Errors.Keys);
        }
        Assert.Single(await Memberships().ListAsync(projectId));
    }

    [Fact]
    public async Task Unknown_projects_and_members_are_not_found()
    {
        var projectId = await ProjectAsync("CRM");
        var ada = await PersonAsync("Ada");

        await Assert.ThrowsAsync<NotFoundException>(() => Memberships().AddAsync(999, ada.Id, ProjectRole.Member));
        await Assert.ThrowsAsync<NotFoundException>(() => Memberships().ListAsync(999));
        await Assert.ThrowsAsync<NotFoundException>(() => Memberships().ChangeRoleAsync(projectId, ada.Id, ProjectRole.Viewer));
        await Assert.ThrowsAsync<NotFoundException>(() => Memberships().RemoveAsync(projectId, ada.Id));
    }

    [Fact]
    public async Task A_project_manager_may_change_the_team_a_viewer_may_not_even_as_manager()
    {
        var projectId = await ProjectAsync("CRM");
        var managerUser = await UserAsync("mia@example.com");
        var viewerUser = await UserAsync("val@example.com", Roles.Viewer);
        var mia = await People().CreateAsync(new PersonInput { Name = "Mia", UserId = managerUser });
        var val = await People().CreateAsync(new PersonInput { Name = "Val", UserId = viewerUser });
        var ada = await PersonAsync("Ada");
        await Memberships().AddAsync(projectId, mia.Id, ProjectRole.Manager);
        await Memberships().AddAsync(projectId, val.Id, ProjectRole.Manager);

        await Memberships(As(Roles.Member, managerUser)).AddAsync(projectId, ada.Id, ProjectRole.Member);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Memberships(As(Roles.Viewer, viewerUser)).RemoveAsync(projectId, ada.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Memberships(As(Roles.Member, 999)).AddAsync(projectId, ada.Id, ProjectRole.Viewer));

        Assert.Equal(3, (await Memberships(As(Roles.Viewer, viewerUser)).ListAsync(projectId)).Count);
    }

    [Fact]
    public async Task A_person_page_lists_their_projects_with_roles()
    {
        var crm = await ProjectAsync("CRM");
        var erp = await ProjectAsync("ERP");
        var ada = await PersonAsync("Ada");
        await Memberships().AddAsync(erp, ada.Id, ProjectRole.Viewer);
        await Memberships().AddAsync(crm, ada.Id, ProjectRole.Manager);

        var projects = await Memberships().ProjectsOfAsync(ada.Id);

        Assert.Equal([("CRM", ProjectRole.Manager), ("ERP", ProjectRole.Viewer)], projects.Select(p => (p.Code, p.Role)));
    }

    [Theory]
    [InlineData("manager", ProjectRole.Manager)]
    [InlineData(" Viewer ", ProjectRole.Viewer)]
    public void Roles_parse_by_name_whatever_the_case(string text, ProjectRole role) => Assert.Equal(role, ProjectRoles.Parse(text));

    [Theory]
    [InlineData("Owner")]
    [InlineData("1")]
    [InlineData(null)]
    public void Anything_else_is_a_role_error(string? text) =>
        Assert.Equal(["role"], Assert.Throws<DomainValidationException>(() => ProjectRoles.Parse(text)).Errors.Keys);
}
