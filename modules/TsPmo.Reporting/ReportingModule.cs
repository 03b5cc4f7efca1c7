using TsPmo.Sdk.Modules;

namespace TsPmo.Reporting;

/// <summary>
/// Reporting: what leadership opens every Monday. Health per project and dimension from every enabled module's
/// signals (with PMO overrides), portfolio KPIs, weekly metric history, generated and scheduled status reports, exports.
/// Consumes only SDK ports, so it works whichever modules are enabled.
/// </summary>
public sealed class ReportingModule : ITsPmoModule
{
    public const string Id = "reporting";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        Name = "Reporting",
        Description = "Portfolio dashboard, health, KPIs, metric history, automated status reports and exports.",
        Version = new Version(1, 0, 0),
        SupportedSdk = SdkRange.Parse("1.0"),
        Kind = ModuleKind.Capability,
    };

    public void Register(IModuleBuilder module)
    {
    }
}
