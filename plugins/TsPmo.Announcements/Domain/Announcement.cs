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

/// <summary>What a user submits; checked by <see cref="Validate"/> before anything is stored.</summary>
public sealed record AnnouncementInput(string? Title, string? Body, bool Pinned)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 120) errors["title"] = ["Give the announcement a title of 1 to 120 characters."];
        if (string.IsNullOrWhiteSpace(Body) || Body.Length > 20_000) errors["body"] = ["Write the announcement (at most 20,000 characters of Markdown)."];
        return errors;
    }
}
