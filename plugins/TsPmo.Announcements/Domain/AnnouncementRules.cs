using TsPmo.Sdk.Data;

namespace TsPmo.Announcements.Domain;

/// <summary>An announcement that passed <see cref="AnnouncementRules.Validate"/>: a trimmed title and a body within bounds.</summary>
public sealed record ValidAnnouncement(string Title, string Body, bool Pinned);

/// <summary>What makes an announcement acceptable.</summary>
public static class AnnouncementRules
{
    public static ValidAnnouncement Validate(AnnouncementInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 120) errors["title"] = ["Give the announcement a title of 1 to 120 characters."];
        if (string.IsNullOrWhiteSpace(input.Body) || input.Body.Length > 20_000) errors["body"] = ["Write the announcement (at most 20,000 characters of Markdown)."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new ValidAnnouncement(input.Title!.Trim(), input.Body!, input.Pinned);
    }
}
