namespace TsPmo.Risk.Domain;

public enum RiskCategory { Security, Integration, Vendor, Schedule, Cost, Scope, Resource, Compliance, Technical, Other }
