namespace TsPmo.Sdk.Modules;

/// <summary>What a module is to a project.</summary>
public enum ModuleKind
{
    /// <summary>A way to run a project (Scrum, Kanban, Waterfall): a project picks exactly one.</summary>
    Methodology,

    /// <summary>A capability every project may use (risk, resources, reporting…).</summary>
    Capability,
}
