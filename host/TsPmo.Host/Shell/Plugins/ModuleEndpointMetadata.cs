namespace TsPmo.Host.Shell.Plugins;

/// <summary>Marks an endpoint as belonging to a module, so it answers 404 while the module is off.</summary>
public sealed record ModuleEndpointMetadata(string ModuleId);
