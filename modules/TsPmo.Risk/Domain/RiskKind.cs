namespace TsPmo.Risk.Domain;

/// <summary>A threat (could hurt the project) or an opportunity (could help it); decides the allowed responses.</summary>
public enum RiskKind { Threat, Opportunity }
