namespace TsPmo.Core.Data;

/// <summary>A migration could not be applied, or an applied one was changed afterwards.</summary>
public sealed class MigrationException(string moduleId, string fileName, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string ModuleId { get; } = moduleId;
    public string FileName { get; } = fileName;
}
