using TsPmo.Sdk.Ports.Lifecycle;

namespace TsPmo.Sdk.Tests.Ports.Lifecycle;

public sealed class GuardVerdictTests
{
    [Fact]
    public void Refuse_is_not_allowed_and_keeps_every_reason_in_order()
    {
        var verdict = GuardVerdict.Refuse("Sprint 3 is still open.", "Gate 2 is not approved.");

        Assert.False(verdict.Allowed);
        Assert.Equal(["Sprint 3 is still open.", "Gate 2 is not approved."], verdict.Reasons);
    }

    [Fact]
    public void Allow_is_allowed_without_reasons()
    {
        Assert.True(GuardVerdict.Allow.Allowed);
        Assert.Empty(GuardVerdict.Allow.Reasons);
    }
}
