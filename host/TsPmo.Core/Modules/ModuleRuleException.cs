namespace TsPmo.Core.Modules;

/// <summary>A toggle that the dependency rules forbid; nothing was changed. Answered with 409.</summary>
public sealed class ModuleRuleException(string message) : Exception(message);
