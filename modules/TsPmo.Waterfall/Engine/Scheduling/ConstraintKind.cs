namespace TsPmo.Waterfall.Engine.Scheduling;

/// <summary>Microsoft Project's constraint types, in the order of MSPDI's <c>ConstraintType</c> 0–7.</summary>
public enum ConstraintKind
{
    AsSoonAsPossible, AsLateAsPossible, MustStartOn, MustFinishOn,
    StartNoEarlierThan, StartNoLaterThan, FinishNoEarlierThan, FinishNoLaterThan,
}
