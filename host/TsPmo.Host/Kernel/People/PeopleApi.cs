using TsPmo.Core.Modules;
using TsPmo.Core.Projects;
using TsPmo.Host.Shell.Security;
using TsPmo.Sdk.Security;
using TsPmo.Core.People;
using TsPmo.Sdk.Data;

namespace TsPmo.Host.Kernel.People;

/// <summary>
/// The people directory and project teams: <c>/api/v1/people</c> and <c>/api/v1/projects/{id}/members</c>.
/// Errors are the services' exceptions, turned into problems by <see cref="ProblemExceptionHandler"/>.
/// </summary>
public static class PeopleApi
{
    /// <summary>A person as sent: the fields of <see cref="PersonInput"/>, and on PUT the version the edit was made on.</summary>
    public sealed record PersonRequest(string? Name, string? Email, string? Title, decimal? WeeklyCapacityHours, long? UserId,
        IReadOnlyList<SkillInput>? Skills, long? Version)
    {
        public PersonInput ToInput() => new()
        {
            Name = Name, Email = Email, Title = Title, WeeklyCapacityHours = WeeklyCapacityHours ?? new PersonInput().WeeklyCapacityHours,
            UserId = UserId, Skills = Skills,
        };
    }

    public sealed record VersionRequest(long? Version);

    public sealed record TimeOffRequest(DateOnly? Start, DateOnly? End, string? Reason);

    /// <summary>The role is text so a wrong one is a field error (<c>errors.role</c>), not an unreadable body.</summary>
    public sealed record MemberRequest(long? PersonId, string? Role);

    public sealed record RoleRequest(string? Role, long? Version = null);

    public static void MapPeopleApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");

        people.MapGet("/", (PersonService service, string? q, string? skill, bool? archived, int? page, int? pageSize, CancellationToken ct) =>
            service.ListAsync(new PersonQuery
            {
                Text = q, Skill = skill, IncludeArchived = archived ?? false, Page = page ?? 1, PageSize = pageSize ?? new PersonQuery().PageSize,
            }, ct));

        people.MapGet("/{id:long}", async (long id, PersonService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) ?? throw new NotFoundException("Person", id.ToString()))
            .ProducesProblem(404);

        people.MapPost("/", async (PersonRequest request, PersonService service, CancellationToken ct) =>
            {
                var person = await service.CreateAsync(request.ToInput(), ct);
                return TypedResults.Created($"/api/v1/people/{person.Id}", person);
            }).RequirePermission(CorePermissions.ManagePeople)
            .ProducesValidationProblem().ProducesProblem(403);

        people.MapPut("/{id:long}", (long id, PersonRequest request, PersonService service, CancellationToken ct) =>
                service.UpdateAsync(id, RequireVersion(request.Version), request.ToInput(), ct)).RequirePermission(CorePermissions.ManagePeople)
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        people.MapPost("/{id:long}/archive", (long id, VersionRequest request, PersonService service, CancellationToken ct) =>
                service.SetArchivedAsync(id, RequireVersion(request.Version), true, ct)).RequirePermission(CorePermissions.ManagePeople)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        people.MapPost("/{id:long}/restore", (long id, VersionRequest request, PersonService service, CancellationToken ct) =>
                service.SetArchivedAsync(id, RequireVersion(request.Version), false, ct)).RequirePermission(CorePermissions.ManagePeople)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        people.MapPost("/{id:long}/time-off", async (long id, TimeOffRequest request, PersonService service, CancellationToken ct) =>
            {
                var period = await service.AddTimeOffAsync(id, request.Start, request.End, request.Reason, ct);
                return TypedResults.Created($"/api/v1/people/{id}", period);
            }).RequirePermission(CorePermissions.ManagePeople)
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        people.MapDelete("/{id:long}/time-off/{timeOffId:long}", async (long id, long timeOffId, PersonService service, CancellationToken ct) =>
            {
                await service.RemoveTimeOffAsync(id, timeOffId, ct);
                return TypedResults.NoContent();
            }).RequirePermission(CorePermissions.ManagePeople)
            .ProducesProblem(403).ProducesProblem(404);

        var members = api.MapGroup("/projects/{id:long}/members").WithTags("Project members");

        members.MapGet("/", (long id, MembershipService service, CancellationToken ct) => service.ListAsync(id, ct))
            .ProducesProblem(404);

        members.MapPost("/", async (long id, MemberRequest request, MembershipService service, CancellationToken ct) =>
            {
                var personId = request.PersonId ?? throw new DomainValidationException("personId", "Choose the person to add.");
                var member = await service.AddAsync(id, personId, ProjectRoles.Parse(request.Role), ct);
                return TypedResults.Created($"/api/v1/projects/{id}/members", member);
            }).RequireProjectPermission(ProjectPermissions.ManageMembers)
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        members.MapPut("/{personId:long}", (long id, long personId, RoleRequest request, MembershipService service, CancellationToken ct) =>
                service.ChangeRoleAsync(id, personId, ProjectRoles.Parse(request.Role), request.Version, ct)).RequireProjectPermission(ProjectPermissions.ManageMembers)
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        members.MapDelete("/{personId:long}", async (long id, long personId, long? version, MembershipService service, CancellationToken ct) =>
            {
                await service.RemoveAsync(id, personId, version, ct);
                return TypedResults.NoContent();
            }).RequireProjectPermission(ProjectPermissions.ManageMembers)
            .ProducesProblem(403).ProducesProblem(404);
    }

    private static long RequireVersion(long? version) =>
        version ?? throw new DomainValidationException("version", "Send the version of the person you edited, as read from GET /people/{id}.");
}
