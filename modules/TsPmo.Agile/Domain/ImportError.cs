namespace TsPmo.Agile.Domain;

/// <summary>What is wrong with one row of the file (row numbers as a spreadsheet shows them, header = 1).</summary>
public sealed record ImportError(int Row, string Message);
