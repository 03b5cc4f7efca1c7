using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TsPmo.Core.Modules;
using TsPmo.Sdk.Ports.Events;

namespace TsPmo.Core.Events;

/// <summary>
/// Delivers an event to the handlers of the host and of enabled modules, one after another. A handler that
/// throws is logged and skipped: one faulty plugin must not stop the others or fail the caller's change.
/// </summary>
public sealed class DomainEventPublisher(IServiceProvider services, ILogger<DomainEventPublisher> logger) : IDomainEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken ct = default) where TEvent : IDomainEvent
    {
        var handlers = services.GetRequiredService<EnabledContributions<IDomainEventHandler<TEvent>>>().All;
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(domainEvent, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Handler {Handler} failed on {Event}", handler.GetType().FullName, typeof(TEvent).Name);
            }
        }
    }
}
