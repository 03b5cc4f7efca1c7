using TsPmo.Sdk.Modules;

namespace TsPmo.Core.Settings;

/// <summary>
/// Organization-wide settings owned by core, kept like a module's (module id <c>core</c> in <c>core_setting</c>) and
/// edited on Admin → Modules → Core settings.
/// </summary>
public static class CoreSettings
{
    public const string ModuleId = "core";
    public const string GuardFailsClosedKey = "lifecycleGuardFailsClosed";

    public static readonly IReadOnlyList<SettingDefinition> Definitions =
    [
        new(GuardFailsClosedKey, "A lifecycle guard that fails blocks the phase change", SettingType.Boolean, "false")
        {
            Description = "When a module's lifecycle guard throws instead of answering, its module is shown with the problem. "
                + "Off (default): the change goes ahead without that check (fails open). On: the change is refused with "
                + "\"module X could not check this transition\" until the module works again (fails closed).",
        },
    ];
}
