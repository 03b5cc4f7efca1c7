using Microsoft.Extensions.DependencyInjection;
using TsPmo.Risk.Api;
using TsPmo.Risk.Raid;
using TsPmo.Sdk.Modules;

namespace TsPmo.Risk;

/// <summary>
/// Risk: the RAID log of every project (risks with assessments and mitigation actions, assumptions, issues,
/// dependencies), 5×5 heat maps per project and for the portfolio, and early warnings.
/// </summary>
public sealed class RiskModule : ITsPmoModule
{
    public const string Id = "risk";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        Name = "Risk",
        Description = "RAID log, 5×5 heat maps and early warning across the portfolio.",
        Version = new Version(1, 0, 0),
        SupportedSdk = SdkRange.Parse("1.0"),
        Kind = ModuleKind.Capability,
    };

    public void Register(IModuleBuilder module) => module
        .Migrations()
        .Services(s => s
            .AddScoped<RaidContext>()
            .AddScoped<IssueService>()
            .AddScoped<AssumptionService>()
            .AddScoped<DependencyService>()
            .AddScoped<RiskOccurrence>())
        .Menu(new MenuEntry("RAID log", "/Projects/{projectId}/Risk/Raid", MenuPlacement.ProjectTab) { Order = 41 })
        .ProjectApi(RaidApi.MapProjectApi);
}
