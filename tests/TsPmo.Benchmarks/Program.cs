using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/TsPmo.Benchmarks -- --filter '*'   (add --job short for a quick pass)
// Reports go next to the binaries (bin/, ignored by git) rather than into whichever folder the run started from;
// --artifacts <dir> still overrides.
// dotnet run -c Release --project tests/TsPmo.Benchmarks -- api-import [runs]   (the 2,000-task import through the real API)
if (args is ["api-import", ..])
    return await TsPmo.Benchmarks.ApiImportMeasurement.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(TsPmo.Benchmarks.ForecastBenchmarks).Assembly).Run(args, config);
return 0;
