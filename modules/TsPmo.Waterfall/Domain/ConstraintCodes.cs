using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Domain;

/// <summary>Constraint names as the API accepts them: the enum name or Microsoft Project's abbreviation (SNET, FNLT, MSO…).</summary>
public static class ConstraintCodes
{
    public static string Code(ConstraintKind kind) => kind switch
    {
        ConstraintKind.AsLateAsPossible => "ALAP",
        ConstraintKind.MustStartOn => "MSO",
        ConstraintKind.MustFinishOn => "MFO",
        ConstraintKind.StartNoEarlierThan => "SNET",
        ConstraintKind.StartNoLaterThan => "SNLT",
        ConstraintKind.FinishNoEarlierThan => "FNET",
        ConstraintKind.FinishNoLaterThan => "FNLT",
        _ => "ASAP",
    };

    public static string Label(ConstraintKind kind) => kind switch
    {
        ConstraintKind.AsLateAsPossible => "As late as possible",
        ConstraintKind.MustStartOn => "Must start on",
        ConstraintKind.MustFinishOn => "Must finish on",
        ConstraintKind.StartNoEarlierThan => "Start no earlier than",
        ConstraintKind.StartNoLaterThan => "Start no later than",
        ConstraintKind.FinishNoEarlierThan => "Finish no earlier than",
        ConstraintKind.FinishNoLaterThan => "Finish no later than",
        _ => "As soon as possible",
    };

    public static bool TryParse(string? text, out ConstraintKind kind)
    {
        kind = ConstraintKind.AsSoonAsPossible;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var t = text.Trim().Replace(" ", "").Replace("_", "");
        foreach (var k in Enum.GetValues<ConstraintKind>())
            if (string.Equals(t, k.ToString(), StringComparison.OrdinalIgnoreCase) || string.Equals(t, Code(k), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        return false;
    }

    /// <summary>Finish-type constraints take a date-only value at the end of that working day, start-type ones at its beginning.</summary>
    public static bool IsFinishKind(ConstraintKind kind) =>
        kind is ConstraintKind.MustFinishOn or ConstraintKind.FinishNoEarlierThan or ConstraintKind.FinishNoLaterThan;
}
