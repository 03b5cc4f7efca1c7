using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace TsPmo.Core.Data;

/// <summary>One forward-only SQL file of a module, identified by its file name.</summary>
public sealed record MigrationScript(string ModuleId, string Name, string Sql)
{
    /// <summary>
    /// SHA-256 of the text with line endings normalized, so a checkout on Windows does not look edited.
    /// Computed, not stored: a stored value would be copied unchanged by <c>with { Sql = … }</c>.
    /// </summary>
    public string Checksum => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal))));

    /// <summary>
    /// The <c>.sql</c> files embedded in <paramref name="assembly"/> under <paramref name="folder"/>, in
    /// ordinal file-name order (<c>0001_init.sql</c>, <c>0002_…</c>).
    /// </summary>
    public static IReadOnlyList<MigrationScript> FromAssembly(Assembly assembly, string moduleId, string folder = "Migrations")
    {
        var marker = "." + folder.Replace('/', '.').Replace('\\', '.') + ".";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var at = resource.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            scripts.Add(new MigrationScript(moduleId, resource[(at + marker.Length)..], reader.ReadToEnd()));
        }
        scripts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return scripts;
    }
}
