using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Modules;

namespace TsPmo.Core.Modules;

/// <summary>Everything a module declared in its <see cref="ITsPmoModule.Register"/> call.</summary>
public sealed class ModuleDeclaration
{
    public List<Action<IServiceCollection>> ServiceRegistrations { get; } = [];
    public List<PermissionDefinition> Permissions { get; } = [];
    public List<MenuEntry> Menus { get; } = [];
    public List<SettingDefinition> Settings { get; } = [];
    public string? MigrationsFolder { get; set; }

    /// <summary>Port implementations named explicitly: (port interface, implementation).</summary>
    public List<(Type Service, Type Implementation)> Contributions { get; } = [];

    public List<Action<IEndpointRouteBuilder>> Api { get; } = [];
    public List<Action<IEndpointRouteBuilder>> ProjectApi { get; } = [];
    public List<Func<IServiceProvider, CancellationToken, Task>> StartHooks { get; } = [];
    public List<RecurringJobDeclaration> RecurringJobs { get; } = [];
}

/// <summary>A recurring job as declared: the host's job runner owns its schedule, lease and fault capture.</summary>
public sealed record RecurringJobDeclaration(string Name, Type JobType, TimeSpan Interval, TimeSpan FirstRunAfter);
