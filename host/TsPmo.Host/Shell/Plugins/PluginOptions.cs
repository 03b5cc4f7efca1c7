namespace TsPmo.Host.Shell.Plugins;

/// <summary><c>Plugins:Path</c>: the runtime plugins folder, by default <c>plugins/</c> next to the host's binaries.</summary>
public sealed class PluginOptions
{
    public string? Path { get; set; }

    public string ResolvePath() =>
        System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(Path)
            ? System.IO.Path.Combine(AppContext.BaseDirectory, "plugins")
            : System.IO.Path.Combine(AppContext.BaseDirectory, Path));
}
