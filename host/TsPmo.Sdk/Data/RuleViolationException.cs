namespace TsPmo.Sdk.Data;

/// <summary>
/// A well-formed request that the current state forbids (a full WIP column, a second active sprint); nothing
/// changed. The host answers a 409 problem whose detail is <see cref="Exception.Message"/>, so say what to do.
/// </summary>
public sealed class RuleViolationException(string message) : Exception(message);
