using Microsoft.AspNetCore.Mvc;
using TsPmo.Announcements.Services;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Reporting;

namespace TsPmo.Announcements.Contributions;

public sealed class LatestAnnouncementsWidget : IDashboardWidget
{
    public string Id => "announcements-latest";
    public string Title => "Announcements";
    public int Order => 10;
    public string? Permission => null;
    public string ViewComponentName => LatestAnnouncementsViewComponent.Name;
}

/// <summary>Renders the newest announcements (pinned first) for the dashboard.</summary>
[ViewComponent(Name = Name)]
public sealed class LatestAnnouncementsViewComponent(AnnouncementService announcements, IModuleSettings settings) : ViewComponent
{
    public const string Name = "LatestAnnouncements";

    public async Task<IViewComponentResult> InvokeAsync(WidgetContext context)
    {
        var count = await settings.GetIntegerAsync(AnnouncementsModule.Id, AnnouncementsModule.WidgetCountSetting);
        return View(await announcements.ListAsync((int)count));
    }
}
