using TsPmo.Core.Accounts;
using TsPmo.Core.Data;
using TsPmo.Core.Modules;

namespace TsPmo.Host.Shell.Startup;

/// <summary>
/// Brings the store up to date before the server takes requests: core migrations (a failure stops the
/// start), then each module's migrations and start hooks in dependency order (a failure faults that module
/// and its dependants only), then the optional admin bootstrap.
/// </summary>
public sealed class HostInitializer(
    SqliteConnectionFactory factory,
    MigrationRunner migrations,
    ModuleRegistry registry,
    ModuleStateStore states,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    ILogger<HostInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await MigrateAsync(ct);
        await RunStartHooksAsync(ct);
        await BootstrapAdminAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Creates or upgrades the database; also what the <c>migrate</c> command runs.</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        await factory.InitializeAsync(ct);
        var coreRan = await migrations.ApplyAsync("core", MigrationScript.FromAssembly(typeof(MigrationRunner).Assembly, "core"), ct);
        if (coreRan > 0) logger.LogInformation("Applied {Count} core migration(s)", coreRan);

        foreach (var module in registry.Modules.Where(m => !m.IsFaulted))
        {
            if (module.Declaration.MigrationsFolder is not { } folder || module.Assembly is null) continue;
            try
            {
                var ran = await migrations.ApplyAsync(module.Id, MigrationScript.FromAssembly(module.Assembly, module.Id, folder), ct);
                if (ran > 0) logger.LogInformation("Applied {Count} migration(s) of module {Module}", ran, module.Id);
            }
            catch (MigrationException ex)
            {
                registry.Fault(module.Id, ex.Message);
                logger.LogError(ex, "Module {Module} faulted: {Message}", module.Id, ex.Message);
            }
        }
        await states.RecordNewModulesAsync(registry, ct);
    }

    private async Task RunStartHooksAsync(CancellationToken ct)
    {
        foreach (var module in registry.Modules.Where(m => !m.IsFaulted && m.Declaration.StartHooks.Count > 0))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                foreach (var hook in module.Declaration.StartHooks) await hook(scope.ServiceProvider, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                registry.Fault(module.Id, $"It failed while starting: {ex.GetType().Name}: {ex.Message}");
                logger.LogError(ex, "Module {Module} faulted while starting", module.Id);
            }
        }
    }

    private async Task BootstrapAdminAsync(CancellationToken ct)
    {
        var email = configuration["TSPMO_ADMIN_EMAIL"];
        var password = configuration["TSPMO_ADMIN_PASSWORD"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return;
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<AccountService>().BootstrapAdminAsync(email, password, ct))
            logger.LogInformation("Created administrator {Email} from TSPMO_ADMIN_EMAIL", email);
    }
}
