namespace TsPmo.Core.Documents;

/// <summary>
/// What a new document starts with. With <see cref="FromTemplate"/> the body is the kind's shipped template,
/// so the body must then be left empty.
/// </summary>
public sealed record NewDocument(string? Title, DocumentKind? Kind, string? Body = null, bool FromTemplate = false);
