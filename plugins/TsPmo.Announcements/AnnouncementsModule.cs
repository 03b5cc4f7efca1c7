using TsPmo.Announcements.Api;
using TsPmo.Announcements.Services;
using TsPmo.Announcements.Contributions;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace TsPmo.Announcements;

/// <summary>
/// PMO announcements: news for everyone who opens TsPmo (a new gate policy, a freeze window), posted by
/// the PMO, shown on a page of their own and as a dashboard widget. The sample plugin of the plugin guide.
/// </summary>
public sealed class AnnouncementsModule : ITsPmoModule
{
    public const string Id = "announcements";
    public const string PostPermission = "announcements.post";
    public const string WidgetCountSetting = "widgetCount";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        Name = "Announcements",
        Description = "News from the PMO on a page and a dashboard widget.",
        Version = new Version(1, 0, 0),
        SupportedSdk = SdkRange.Parse("1.0"),
        Kind = ModuleKind.Capability,
    };

    public void Register(IModuleBuilder module) => module
        .Services(s => s.AddScoped<AnnouncementService>())
        .Permission(PostPermission, "Post, edit and delete announcements", Roles.Pmo)
        .Menu(MenuEntry.ForPage("Announcements", "Announcements", "/Index") with { Order = 90 })
        .Migrations("Data/Migrations")
        .Setting(new SettingDefinition(WidgetCountSetting, "Announcements on the dashboard", SettingType.Integer, "3")
        {
            Description = "How many of the newest announcements the dashboard widget shows.",
            Minimum = 1,
            Maximum = 10,
        })
        .DashboardWidget<LatestAnnouncementsWidget>()
        .Api(AnnouncementsApi.Map);
}
