namespace TsPmo.Sdk.Security;

/// <summary>
/// A person's role on one project. Managers change plans, sprints, columns, baselines, settings, members and the
/// phase; Members create and update work items; Viewers read. See docs/security.md for the full matrix.
/// </summary>
public enum ProjectRole { Manager, Member, Viewer }
