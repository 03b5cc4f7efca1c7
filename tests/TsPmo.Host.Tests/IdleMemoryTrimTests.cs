using TsPmo.Host.Shell.Startup;

namespace TsPmo.Host.Tests;

public sealed class IdleMemoryTrimTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(true, 4, 300, true)]   // a burst, then four quiet seconds: trim
    [InlineData(false, 300, 300, false)] // nothing happened since the last trim: an idle host is left alone
    [InlineData(true, 1, 300, false)]  // still busy: wait for a quiet moment
    [InlineData(true, 60, 9, false)]   // trimmed 9 s ago: not again yet
    public void Trims_after_activity_once_quiet_and_not_too_often(bool requests, int quietSeconds, int sinceTrimSeconds, bool expected)
    {
        var defaults = new IdleTrimOptions();
        var (quiet, interval) = (TimeSpan.FromSeconds(defaults.QuietSeconds), TimeSpan.FromSeconds(defaults.MinIntervalSeconds));
        Assert.Equal(expected, IdleMemoryTrim.ShouldTrim(requests, TimeSpan.FromSeconds(quietSeconds), TimeSpan.FromSeconds(sinceTrimSeconds), quiet, interval));
        Assert.True(IdleMemoryTrim.ShouldTrim(true, Long, Long, quiet, interval));
    }
}
