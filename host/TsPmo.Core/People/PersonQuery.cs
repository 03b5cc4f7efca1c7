namespace TsPmo.Core.People;

/// <summary>A page of the directory: text search (name, email, title) and skill filter, both optional.</summary>
public sealed record PersonQuery
{
    public string? Text { get; init; }
    public string? Skill { get; init; }
    public bool IncludeArchived { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;

    public const int MaxPageSize = 200;
}
