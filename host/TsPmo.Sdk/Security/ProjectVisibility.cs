namespace TsPmo.Sdk.Security;

/// <summary>Who reads a project: every signed-in user (<see cref="Organization"/>) or only its members, the PMO and Admins.</summary>
public enum ProjectVisibility { Organization, Private }
