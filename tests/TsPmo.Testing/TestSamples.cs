namespace TsPmo.Testing;

/// <summary>
/// Sample files that are never copied into the repository. The Microsoft Project (MSPDI) samples are looked up in
/// <c>TSPMO_MSPDI_SAMPLES</c> (the mspdi folder itself), then <c>TSPMO_SAMPLES</c> (a samples folder holding <c>mspdi/</c>),
/// then <c>../shared/samples/mspdi</c> beside the repository root (the folder holding <c>TsPmo.sln</c>). Tests that read
/// them pass without comparing anything when the folder is absent; when it is present they must compare something.
/// </summary>
public static class TestSamples
{
    public static string? MspdiFolder()
    {
        if (Environment.GetEnvironmentVariable("TSPMO_MSPDI_SAMPLES") is { Length: > 0 } mspdi && Directory.Exists(mspdi)) return mspdi;
        if (Environment.GetEnvironmentVariable("TSPMO_SAMPLES") is { Length: > 0 } samples && Directory.Exists(Path.Combine(samples, "mspdi")))
            return Path.Combine(samples, "mspdi");
        if (RepositoryRoot() is { } root)
        {
            var beside = Path.GetFullPath(Path.Combine(root, "..", "shared", "samples", "mspdi"));
            if (Directory.Exists(beside)) return beside;
        }
        return null;
    }

    /// <summary>The folder holding <c>TsPmo.sln</c>, found upwards from the test's output folder.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TsPmo.sln"))) return dir.FullName;
        return null;
    }
}
