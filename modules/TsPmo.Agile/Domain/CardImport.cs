namespace TsPmo.Agile.Domain;

/// <summary>
/// The outcome of parsing a card-history CSV. All or nothing: when there is any error, <see cref="Cards"/> is
/// empty, so a caller cannot import half a file by mistake.
/// </summary>
public sealed record CardImport(IReadOnlyList<ImportedCard> Cards, IReadOnlyList<ImportError> Errors)
{
    public bool Ok => Errors.Count == 0;
}
