using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Sdk.Tests.Ports.Health;

/// <summary>The default batched signals method: one call per project, every id answered.</summary>
public sealed class HealthSignalBatchTests
{
    private sealed class PerProject : IHealthSignalSource
    {
        public List<long> Asked { get; } = [];

        public Task<IReadOnlyList<HealthSignal>> GetSignalsAsync(long projectId, CancellationToken ct = default)
        {
            Asked.Add(projectId);
            IReadOnlyList<HealthSignal> signals = projectId == 2 ? [] : [new HealthSignal("m", "s", HealthDimension.Risk, Rag.Amber, projectId.ToString(), "e")];
            return Task.FromResult(signals);
        }
    }

    [Fact]
    public async Task The_default_asks_each_project_once_and_answers_every_id()
    {
        var source = new PerProject();
        var batched = await ((IHealthSignalSource)source).GetSignalsAsync([1L, 2L, 3L]);

        Assert.Equal([1L, 2L, 3L], source.Asked);
        Assert.Equal([1L, 2L, 3L], batched.Keys.Order());
        Assert.Empty(batched[2]);
        Assert.Equal("3", Assert.Single(batched[3]).Value);
    }
}
