using TsPmo.Sdk.Security;
namespace TsPmo.Core.People;

/// <summary>A project a person is a member of, for the person's page.</summary>
public sealed record PersonProject
{
    public long ProjectId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public ProjectRole Role { get; init; }
    public bool Archived { get; init; }
}
