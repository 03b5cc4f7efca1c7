using TsPmo.Risk.Domain;

namespace TsPmo.Risk.Areas.Risk.Pages;

/// <summary>Short human names of the warning kinds, for badges.</summary>
public static class WarningLabels
{
    public static string Label(WarningKind kind) => kind switch
    {
        WarningKind.OverdueAction => "Overdue action",
        WarningKind.HighRiskWithoutOwner => "No owner",
        WarningKind.HighRiskWithoutMitigation => "No mitigation",
        WarningKind.ScoreRose => "Score rose",
        WarningKind.ProximityNear => "Proximity",
        WarningKind.NotReviewed => "Not reviewed",
        _ => kind.ToString(),
    };
}
