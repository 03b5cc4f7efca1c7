namespace TsPmo.Core.Tests.Support;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    public FakeTimeProvider() : this(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero)) { }

    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
