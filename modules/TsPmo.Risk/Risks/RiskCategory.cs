namespace TsPmo.Risk.Risks;

public enum RiskCategory { Security, Integration, Vendor, Schedule, Cost, Scope, Resource, Compliance, Technical, Other }
