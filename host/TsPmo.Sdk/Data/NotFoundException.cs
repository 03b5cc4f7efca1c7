namespace TsPmo.Sdk.Data;

/// <summary>Thrown for a missing record; the host answers 404.</summary>
public sealed class NotFoundException(string entity, string id) : Exception($"{entity} {id} was not found.");
