namespace TsPmo.Sdk.Text;

/// <summary>
/// The one way to turn user Markdown into HTML. The result is safe to emit unencoded (<c>@Html.Raw</c>, a JSON
/// <c>html</c> field): no raw HTML, no user-chosen attributes (no <c>hx-*</c>, <c>on*</c>, <c>style</c>, classes),
/// links and images only to http, https, mailto or relative URLs, ids prefixed with <c>user-content-</c>, and
/// the whole wrapped in one <c>&lt;div class="user-content" hx-disable&gt;</c> so htmx never acts inside it.
/// Empty input gives an empty string. To put a user value into Markdown you compose, use <see cref="MarkdownText"/>.
/// </summary>
public interface IMarkdownRenderer
{
    string ToSafeHtml(string? markdown);
}
