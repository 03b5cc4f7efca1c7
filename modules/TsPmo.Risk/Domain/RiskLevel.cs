namespace TsPmo.Risk.Domain;

/// <summary>The band a score falls in, from the risk matrix. Ordered, so "High or worse" is a comparison.</summary>
public enum RiskLevel
{
    Low,
    Medium,
    High,
    Critical,
}
