namespace TsPmo.Sdk;

/// <summary>The version of the plugin contract this build of the host speaks.</summary>
public static class SdkInfo
{
    /// <summary>
    /// Contract version. Minor versions only add; a new major version may break plugins.
    /// A module declares the range it supports in <see cref="Modules.ModuleManifest.SupportedSdk"/>.
    /// </summary>
    public static readonly Version Version = new(1, 0);
}
