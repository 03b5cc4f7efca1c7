namespace TsPmo.Agile.Domain;

/// <summary>
/// One valid row of a card-history CSV. <see cref="Row"/> is the row number a spreadsheet shows (header = 1);
/// <see cref="Column"/> is the board column to place the card in, null when the file has no Column column or
/// the cell is empty.
/// </summary>
public sealed record ImportedCard(int Row, string Title, DateTimeOffset Created, DateTimeOffset? Started, DateTimeOffset? Done, string? Column);
