namespace TsPmo.Testing;

public static class TestFolders
{
    /// <summary>Copies a folder's files, subfolders included: how tests assemble a plugins folder of their own.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
