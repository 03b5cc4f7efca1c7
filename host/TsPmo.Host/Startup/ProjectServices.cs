using TsPmo.Core.Projects;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Host.Startup;

public static class ProjectServices
{
    public static IServiceCollection AddProjects(this IServiceCollection services) => services
        .AddSingleton(sp => ProjectDefaults.From(sp.GetRequiredService<IConfiguration>()["Projects:DefaultVisibility"]))
        .AddScoped<ProjectAccess>()
        .AddScoped<IProjectPermissions>(sp => sp.GetRequiredService<ProjectAccess>())
        .AddScoped<ProjectValidator>()
        .AddScoped<ProjectService>()
        .AddScoped<LifecycleService>()
        .AddScoped<PortfolioLookups>()
        .AddScoped<TsPmo.Core.Seeding.PortfolioSeeder>()
        .AddScoped<IProjectDirectory, ProjectDirectory>();
}
