namespace TsPmo.Risk.Domain;

/// <summary>What a user submits to add or change a mitigation action; status as text for a field error on a bad value.</summary>
public sealed record ActionInput
{
    public string? Title { get; init; }
    public long? Owner { get; init; }
    public DateOnly? DueDate { get; init; }
    public string? Status { get; init; }
}
