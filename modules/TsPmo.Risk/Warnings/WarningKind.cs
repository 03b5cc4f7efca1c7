namespace TsPmo.Risk.Warnings;

public enum WarningKind
{
    OverdueAction,
    HighRiskWithoutOwner,
    HighRiskWithoutMitigation,
    ScoreRose,
    ProximityNear,
    NotReviewed,
}
