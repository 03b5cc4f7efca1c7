using Microsoft.Extensions.DependencyInjection.Extensions;
using TsPmo.Core.People;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Host.Startup;

/// <summary>The people directory and project membership: core services, and the port modules read people through.</summary>
public static class PeopleServices
{
    public static IServiceCollection AddPeople(this IServiceCollection s)
    {
        s.AddScoped<PersonService>();
        s.AddScoped<MembershipService>();
        s.AddScoped<PeopleDirectory>();
        s.AddScoped<IPeopleDirectory>(sp => sp.GetRequiredService<PeopleDirectory>());
        // Shared with the projects feature, which may register it too: TryAdd keeps one registration whichever comes first.
        s.TryAddScoped<ProjectAccess>();
        return s;
    }
}
