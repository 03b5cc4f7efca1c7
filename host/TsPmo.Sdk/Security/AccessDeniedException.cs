namespace TsPmo.Sdk.Security;

/// <summary>The caller is signed in but may not do this; the host answers a 403 problem (API) or a message (pages).</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
