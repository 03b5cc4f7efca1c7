using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TsPmo.Host.Shell.Security;

/// <summary>
/// The certificate that encrypts the data-protection keys stored in the database (<c>DataProtection:CertificatePath</c>,
/// default <c>keys/dataprotection.pfx</c> in the database's folder; optional <c>DataProtection:CertificatePassword</c>).
/// It lives outside the database on purpose: a copy of the database alone cannot forge cookies or read protected data.
/// Created self-signed on first start, readable by the owner only.
/// </summary>
public static class DataProtectionCertificate
{
    public const string FileName = "dataprotection.pfx";

    /// <summary>The configured path, or <c>keys/dataprotection.pfx</c> beside the database file.</summary>
    public static string ResolvePath(IConfiguration configuration, string databaseFile)
    {
        var configured = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var folder = Path.GetDirectoryName(Path.GetFullPath(databaseFile)) ?? Directory.GetCurrentDirectory();
        return Path.Combine(folder, "keys", FileName);
    }

    public static X509Certificate2 LoadOrCreate(string path, string? password, ILogger log)
    {
        if (!File.Exists(path))
        {
            try
            {
                Create(path, password);
                log.LogWarning("Created the data-protection certificate {Path}. Back it up with the database: without it the keys in the database cannot be read.", path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it at the same moment: use theirs.
            }
        }
        else if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            log.LogWarning("The data-protection certificate {Path} is readable by other users; restrict it with chmod 600.", path);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.Exportable);
    }

    private static void Create(string path, string? password)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=TsPmo data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        // Long-lived on purpose: an expired certificate still decrypts, but renewing it is a key rotation nobody plans for.
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var bytes = certificate.Export(X509ContentType.Pfx, password);

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(path, options)) file.Write(bytes);
        // The create mode is filtered by the umask; set it outright so it is 600 whatever the umask.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}

/// <summary>Where the data-protection certificate is, for the backup command's reminder.</summary>
public sealed record DataProtectionCertificateInfo(string Path);
