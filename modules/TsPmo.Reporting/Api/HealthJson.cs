using TsPmo.Reporting.Domain;

namespace TsPmo.Reporting.Api;

/// <summary>The JSON shape of a project's health (<c>GET /api/v1/reporting/health</c>).</summary>
public sealed record HealthJson(
    long ProjectId,
    string Code,
    string Name,
    string Phase,
    string Overall,
    string ComputedOverall,
    IReadOnlyDictionary<string, string> Dimensions,
    IReadOnlyList<OverrideJson> Overrides,
    IReadOnlyList<SignalJson> Signals)
{
    public static HealthJson? From(ProjectRow row) => row.Health is not { } h ? null : new(
        row.Id, row.Project.Code, row.Project.Name, row.Project.Phase, h.Overall.ToString(), h.ComputedOverall.ToString(),
        h.Dimensions.ToDictionary(d => d.Dimension.ToString().ToLowerInvariant(), d => d.Effective.ToString()),
        h.ActiveOverrides.Select(OverrideJson.From).ToList(),
        h.Signals.Select(s => new SignalJson(s.ModuleId, s.Name, s.Dimension.ToString().ToLowerInvariant(), s.Rag.ToString(), s.Value, s.Explanation)).ToList());
}

public sealed record SignalJson(string Module, string Name, string Dimension, string Rag, string Value, string Explanation);

public sealed record OverrideJson(long Id, string Scope, string Rag, string Comment, DateOnly ExpiresOn, string CreatedBy, DateTimeOffset CreatedAt, bool Active)
{
    public static OverrideJson From(HealthOverride o) => new(o.Id, o.Scope.ToLowerInvariant(), o.Rag.ToString(), o.Comment, o.ExpiresOn, o.CreatedBy, o.CreatedAt, true);

    public static OverrideJson From(HealthOverride o, DateOnly today) => From(o) with { Active = o.IsActiveOn(today) };
}
