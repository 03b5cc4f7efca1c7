namespace TsPmo.Risk.Api;

/// <summary>The JSON body of a mitigation action; owner is a person id.</summary>
public sealed record ActionRequest(string? Title, long? Owner, DateOnly? DueDate, string? Status, long? Version);
