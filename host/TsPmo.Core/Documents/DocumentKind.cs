namespace TsPmo.Core.Documents;

/// <summary>What a project document is for; Charter, Plan and DecisionRecord come with a shipped template.</summary>
public enum DocumentKind { Charter, Plan, DecisionRecord, Other }
