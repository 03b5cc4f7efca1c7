using TsPmo.Sdk.Ports.Events;

namespace TsPmo.Core.Tests.Support;

/// <summary>Keeps every published event, in order, instead of delivering it.</summary>
public sealed class RecordingEventPublisher : IDomainEventPublisher
{
    public List<IDomainEvent> Published { get; } = [];

    public Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken ct = default) where TEvent : IDomainEvent
    {
        Published.Add(domainEvent);
        return Task.CompletedTask;
    }
}
