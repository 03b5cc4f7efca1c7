namespace TsPmo.Agile.Domain;

/// <summary>The swimlanes of a Kanban board, in the order they are drawn (most urgent first).</summary>
public enum ClassOfService { Expedite, FixedDate, Standard, Intangible }
