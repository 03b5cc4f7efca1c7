namespace TsPmo.Sdk.Text;

/// <summary>
/// Renders user Markdown to HTML that is safe to emit unencoded: raw HTML is not rendered and
/// <c>javascript:</c>/<c>data:</c> links are removed.
/// </summary>
public interface IMarkdownRenderer
{
    string ToSafeHtml(string? markdown);
}
