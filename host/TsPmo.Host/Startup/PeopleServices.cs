using TsPmo.Core.People;
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
        s.AddScoped<IPeopleRegistration, PeopleRegistration>();
        return s;
    }
}
