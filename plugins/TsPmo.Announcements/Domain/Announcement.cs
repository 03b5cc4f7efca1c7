namespace TsPmo.Announcements.Domain;

public sealed record Announcement
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public bool Pinned { get; init; }
    public string Author { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}

/// <summary>What a user submits; checked by <see cref="AnnouncementRules.Validate"/> before anything is stored.</summary>
public sealed record AnnouncementInput(string? Title, string? Body, bool Pinned);
