using TsPmo.Sdk.Modules;

namespace TsPmo.Scrum;

/// <summary>
/// Scrum: a project run in sprints. An ordered backlog, sprint planning against capacity and velocity, a board,
/// burndown and burnup, velocity with a Monte Carlo release forecast, and retrospectives whose actions carry over.
/// </summary>
public sealed class ScrumModule : ITsPmoModule
{
    public const string Id = "scrum";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        Name = "Scrum",
        Description = "Backlog, sprints, board, burndown and burnup, velocity with release forecasts, retrospectives.",
        Version = new Version(1, 0, 0),
        SupportedSdk = SdkRange.Parse("1.0"),
        Kind = ModuleKind.Methodology,
    };

    public void Register(IModuleBuilder module)
    {
    }
}
