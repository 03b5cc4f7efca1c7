using TsPmo.Risk.Domain;

namespace TsPmo.Risk.Areas.Risk.Pages;

/// <summary>What the heat-map partial draws: the counts, the matrix that colours them, and where a cell links to.</summary>
public sealed record HeatMapView(string Id, string Caption, HeatMap Map, RiskMatrix Matrix, Func<int, int, string> CellLink)
{
    /// <summary>The cell the register is filtered to, marked on the map.</summary>
    public (int Probability, int Impact)? Selected { get; init; }
}
