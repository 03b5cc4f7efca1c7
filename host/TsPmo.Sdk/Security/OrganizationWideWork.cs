namespace TsPmo.Sdk.Security;

/// <summary>
/// Marks work done for the whole organization inside a user's request — building a cache that every reader shares —
/// so the access checks it meets see every project, as a background job does. What the work produces must then be
/// filtered per reader (<see cref="ProjectReadScope"/>) before anyone sees it. Without this, the first reader to miss
/// a cache would build it from only the projects they may read, and everyone after them would get that.
/// </summary>
public static class OrganizationWideWork
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    /// <summary>Until the returned scope is disposed, project access checks on this async flow read every project.</summary>
    public static IDisposable Begin()
    {
        var previous = Active.Value;
        Active.Value = true;
        return new Scope(previous);
    }

    private sealed class Scope(bool previous) : IDisposable
    {
        public void Dispose() => Active.Value = previous;
    }
}
