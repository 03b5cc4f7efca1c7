using System.Runtime;

namespace TsPmo.Host.Startup;

/// <summary>
/// Start-up (plugin loading, assembly scanning, migrations, route building) leaves tens of megabytes of garbage
/// and an enlarged young generation behind; a PMO host then idles most of the day. One aggressive, compacting
/// collection once the server is listening gives that memory back to the operating system.
/// </summary>
public sealed class StartupMemoryTrim(IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        lifetime.ApplicationStarted.Register(static () =>
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
