using Microsoft.Extensions.Logging;
using TsPmo.Risk.Domain;
using TsPmo.Sdk.Modules;

namespace TsPmo.Risk.Services;

/// <summary>
/// The matrix in force: the <c>matrix</c> setting, or the default when the stored text is invalid — a bad setting
/// must not take the risk pages down, so it is logged and ignored.
/// </summary>
public sealed class RiskMatrixService(IModuleSettings settings, ILogger<RiskMatrixService> logger)
{
    public const string SettingKey = "matrix";

    public async Task<RiskMatrix> GetAsync(CancellationToken ct = default)
    {
        var text = await settings.GetAsync(RiskModule.Id, SettingKey, ct);
        if (string.IsNullOrWhiteSpace(text)) return RiskMatrix.Default;
        if (RiskMatrix.TryParse(text, out var matrix, out var error)) return matrix;
        logger.LogWarning("The risk matrix setting \"{Text}\" is invalid ({Error}); using the default {Default}.", text, error, RiskMatrix.DefaultText);
        return RiskMatrix.Default;
    }
}
