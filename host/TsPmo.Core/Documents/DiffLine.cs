namespace TsPmo.Core.Documents;

/// <summary>
/// One line of a unified diff. <see cref="OldNumber"/> is its 1-based line in the older revision (none for an
/// inserted line), <see cref="NewNumber"/> in the newer one (none for a deleted line).
/// </summary>
public sealed record DiffLine(DiffLineKind Kind, int? OldNumber, int? NewNumber, string Text);
