namespace TsPmo.Host.Navigation;

/// <summary>One step of the breadcrumb trail a page puts in <c>ViewData["Breadcrumbs"]</c>; the last is the page itself.</summary>
public sealed record Breadcrumb(string Title, string? Href = null);
