using System.Collections.Concurrent;
using System.Reflection;
using TsPmo.Sdk.Modules;

namespace TsPmo.Core.Modules;

/// <summary>
/// A module found on disk. <see cref="Fault"/> is set when it failed to load, migrate or start, or when a
/// dependency is missing; a faulted module is skipped everywhere and its error is shown to administrators.
/// <see cref="Problems"/> are failures of one part (a widget's constructor, a guard, a job run) that are isolated
/// without switching the whole module off; they are shown the same way.
/// </summary>
public sealed class InstalledModule(ModuleManifest manifest, Assembly? assembly, ModuleDeclaration declaration, string location)
{
    /// <summary>Keeps a module whose widget fails on every request from growing the list without bound.</summary>
    private const int MaxProblems = 20;

    private volatile string? _fault;
    private readonly ConcurrentDictionary<string, ModuleProblem> _problems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RecurringJobStatus> _jobs = new(StringComparer.Ordinal);

    public ModuleManifest Manifest { get; } = manifest;
    public Assembly? Assembly { get; } = assembly;
    public ModuleDeclaration Declaration { get; } = declaration;

    /// <summary>The folder the module was loaded from.</summary>
    public string Location { get; } = location;

    public string Id => Manifest.Id;
    public string? Fault => _fault;
    public bool IsFaulted => _fault is not null;

    public void MarkFaulted(string error) => _fault ??= error;

    /// <summary>The latest failure of each part of the module that failed, newest first.</summary>
    public IReadOnlyList<ModuleProblem> Problems => _problems.Values.OrderByDescending(p => p.At).ToList();

    /// <summary>Records the latest failure of one part (<paramref name="source"/>, e.g. "widget RiskWidget"), replacing the previous one.</summary>
    public void RecordProblem(string source, string message, DateTimeOffset at)
    {
        if (_problems.Count >= MaxProblems && !_problems.ContainsKey(source)) return;
        _problems[source] = new ModuleProblem(source, message, at);
    }

    public void ClearProblem(string source) => _problems.TryRemove(source, out _);

    /// <summary>The recurring jobs this host runs for the module, with their last outcome.</summary>
    public IReadOnlyList<RecurringJobStatus> Jobs =>
        Declaration.RecurringJobs.Select(j => _jobs.GetValueOrDefault(j.Name) ?? new RecurringJobStatus(j.Name, null, null, null, 0, 0)).ToList();

    public void RecordJobRun(string name, DateTimeOffset at, string? error)
    {
        _jobs.AddOrUpdate(name,
            _ => new RecurringJobStatus(name, at, error is null ? at : null, error, 1, error is null ? 0 : 1),
            (_, s) => s with
            {
                LastRunAt = at,
                LastSuccessAt = error is null ? at : s.LastSuccessAt,
                LastError = error,
                Runs = s.Runs + 1,
                Failures = s.Failures + (error is null ? 0 : 1),
            });
    }
}

/// <summary>The latest failure of one part of a module; the module keeps running.</summary>
public sealed record ModuleProblem(string Source, string Message, DateTimeOffset At);

/// <summary>A recurring job's outcome on this host. <see cref="LastError"/> is the error of the last run, null once a run succeeds.</summary>
public sealed record RecurringJobStatus(string Name, DateTimeOffset? LastRunAt, DateTimeOffset? LastSuccessAt, string? LastError, int Runs, int Failures);
