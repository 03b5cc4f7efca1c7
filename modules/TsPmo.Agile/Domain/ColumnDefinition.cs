namespace TsPmo.Agile.Domain;

/// <summary>One column of a "set the columns" request: matched to an existing column by name.</summary>
public sealed record ColumnDefinition(string? Name, int? WipLimit, string? Policy, bool Started, bool Done);
