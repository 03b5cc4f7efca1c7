using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace TsPmo.Reporting.Engine;

/// <summary>
/// A standalone HTML document around a rendered (already safe) report body, with print CSS: A4 margins, black on
/// white, tables kept readable, so "Print" or "Save as PDF" in any browser gives a clean document.
/// </summary>
public static class PrintableHtml
{
    // The one style sheet of the document, allowed by its hash: the site-wide CSP allows no inline style, and a
    // saved copy of this file must still print well without the site's stylesheets.
    private const string Style = """

        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 1.6rem; } h3 { font-size: 1.05rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { border: 1px solid #777; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: #eee; } blockquote { border-left: 4px solid #b02a37; margin: .5rem 0; padding: .25rem .75rem; background: #fdf2f3; }
        td.text-end, th.text-end { text-align: right; } td.text-center, th.text-center { text-align: center; }
        .task-list-item { list-style: none; }
        hr { page-break-after: always; border: 0; }
        @page { size: A4; margin: 18mm 15mm; }
        @media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } h2, h3 { page-break-after: avoid; } tr { page-break-inside: avoid; } }

        """;

    /// <summary>
    /// The policy the printable document is served with (the host keeps a policy a response sets): its own style
    /// sheet by hash, images from the site only, no script at all.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Document(string title, string safeBodyHtml)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append(safeBodyHtml).Append("\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
