namespace TsPmo.Risk.Domain;

/// <summary>The chosen response. Threats: Avoid, Mitigate, Transfer, Accept, Escalate; opportunities: Exploit, Enhance, Share, Accept.</summary>
public enum RiskResponse { Avoid, Mitigate, Transfer, Accept, Escalate, Exploit, Enhance, Share }
