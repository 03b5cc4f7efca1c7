using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/TsPmo.Benchmarks -- --filter '*'   (add --job short for a quick pass)
// Reports go next to the binaries (bin/, ignored by git) rather than into whichever folder the run started from;
// --artifacts <dir> still overrides.
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(TsPmo.Benchmarks.ForecastBenchmarks).Assembly).Run(args, config);
