namespace TsPmo.Risk.Domain;

public enum WarningKind
{
    OverdueAction,
    HighRiskWithoutOwner,
    HighRiskWithoutMitigation,
    ScoreRose,
    ProximityNear,
    NotReviewed,
}
