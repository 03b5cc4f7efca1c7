namespace TsPmo.Risk.Domain;

/// <summary>Open and Monitoring risks are live (heat maps, warnings); Closed and Occurred are history.</summary>
public enum RiskStatus { Open, Monitoring, Closed, Occurred }
