namespace TsPmo.Sdk.Modules;

/// <summary>Reads and writes the settings a module declared, with their defaults applied.</summary>
public interface IModuleSettings
{
    Task<string> GetAsync(string moduleId, string key, CancellationToken ct = default);

    Task<long> GetIntegerAsync(string moduleId, string key, CancellationToken ct = default);

    Task<bool> GetBooleanAsync(string moduleId, string key, CancellationToken ct = default);

    /// <summary>Stores a value after checking it against the declaration; throws <see cref="ArgumentException"/> on a bad value.</summary>
    Task SetAsync(string moduleId, string key, string value, CancellationToken ct = default);
}
