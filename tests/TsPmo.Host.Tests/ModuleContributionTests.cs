using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Events;
using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Host.Tests;

/// <summary>Ports contributed by plugins reach consumers only while their module is enabled.</summary>
public sealed class ModuleContributionTests
{
    [Fact]
    public async Task Scanned_ports_and_event_handlers_are_skipped_once_the_module_is_disabled()
    {
        using var factory = new TsPmoFactory(["TsPmo.Fixtures.Dependent"]);
        var api = await factory.CreateAdminApiAsync();

        Assert.Contains("Always amber", await SignalNamesAsync(factory));
        await PublishAsync(factory, 7);
        Assert.Equal(["project 7"], await SeenAsync(factory));

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/modules/fixture-dependent/disable", null)).StatusCode);

        Assert.DoesNotContain("Always amber", await SignalNamesAsync(factory));
        await PublishAsync(factory, 8);
        Assert.Equal(["project 7"], await SeenAsync(factory));
    }

    [Fact]
    public async Task Unhandled_errors_in_a_module_api_are_500_problems_without_internals()
    {
        using var factory = new TsPmoFactory(["TsPmo.Fixtures.Dependent"]);
        var api = await factory.CreateAdminApiAsync();

        var response = await api.GetAsync("/api/v1/fixture-dependent/boom");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret internals", body);
        Assert.DoesNotContain("at TsPmo", body);
        // The host keeps serving.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/fixture-dependent/ping")).StatusCode);
    }

    private static async Task<List<string>> SignalNamesAsync(TsPmoFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sources = scope.ServiceProvider.GetRequiredService<IEnabledContributions<IHealthSignalSource>>().All;
        var names = new List<string>();
        foreach (var source in sources) names.AddRange((await source.GetSignalsAsync(1)).Select(s => s.Name));
        return names;
    }

    private static async Task PublishAsync(TsPmoFactory factory, long projectId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        // One handler throws; the publisher logs it and still runs the other.
        await scope.ServiceProvider.GetRequiredService<IDomainEventPublisher>()
            .PublishAsync(new ProjectCreated(projectId, "scrum", DateTimeOffset.UtcNow));
    }

    private static async Task<List<string>> SeenAsync(TsPmoFactory factory)
    {
        await using var db = new SqliteConnection(factory.ConnectionString);
        return (await db.QueryAsync<string>("SELECT what FROM fixture_dependent_seen")).ToList();
    }
}
