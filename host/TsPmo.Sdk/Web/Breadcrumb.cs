namespace TsPmo.Sdk.Web;

/// <summary>One step of the breadcrumb trail (host layout shows it) a page puts in <c>ViewData["Breadcrumbs"]</c>; the last is the page itself.</summary>
public sealed record Breadcrumb(string Title, string? Href = null);
