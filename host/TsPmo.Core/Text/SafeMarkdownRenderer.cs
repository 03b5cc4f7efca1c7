using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TsPmo.Core.Text;

/// <summary>
/// Markdig with the advanced extensions, raw HTML disabled (it is shown as text), and every link or image
/// whose URL has a scheme other than http, https or mailto removed down to its text.
/// </summary>
public sealed class SafeMarkdownRenderer : TsPmo.Sdk.Text.IMarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsSafe(link.Url)) continue;
            if (link.IsImage) link.Remove();
            else
            {
                // Keep the words, drop the link.
                var parent = link;
                var child = link.FirstChild;
                while (child is not null)
                {
                    var next = child.NextSibling;
                    child.Remove();
                    parent.InsertBefore(child);
                    child = next;
                }
                link.Remove();
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(a => !IsSafe(a.Url)).ToList())
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        foreach (var definition in document.Descendants<LinkReferenceDefinition>().Where(d => !IsSafe(d.Url)))
            definition.Url = "";

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    internal static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so must we.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':');
        if (colon < 0) return true;
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true; // a relative URL with a colon later on
        var scheme = compact[..colon];
        return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }
}
