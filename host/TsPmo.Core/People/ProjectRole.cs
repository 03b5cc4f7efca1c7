namespace TsPmo.Core.People;

/// <summary>A person's role on one project. Managers may change the project (see <c>ProjectAccess</c>).</summary>
public enum ProjectRole { Manager, Member, Viewer }
