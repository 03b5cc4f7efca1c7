namespace TsPmo.Core.Modules;

/// <summary>Installed modules are Enabled or Disabled by an administrator, or Faulted by the host.</summary>
public enum ModuleStatus { Enabled, Disabled, Faulted }
