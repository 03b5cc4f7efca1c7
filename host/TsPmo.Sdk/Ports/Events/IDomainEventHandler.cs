namespace TsPmo.Sdk.Ports.Events;

/// <summary>Reacts to an event. A handler that throws is logged and does not stop other handlers.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct = default);
}

/// <summary>Delivers an event to the handlers of the host and of every enabled module.</summary>
public interface IDomainEventPublisher
{
    Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken ct = default) where TEvent : IDomainEvent;
}
