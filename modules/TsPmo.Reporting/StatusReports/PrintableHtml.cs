using System.Net;
using System.Text;

namespace TsPmo.Reporting.StatusReports;

/// <summary>
/// A standalone HTML document around a rendered (already safe) report body, with print CSS: A4 margins, black on
/// white, tables kept readable, so "Print" or "Save as PDF" in any browser gives a clean document.
/// </summary>
public static class PrintableHtml
{
    public static string Document(string title, string safeBodyHtml)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
        html.Append("""
            <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 1.6rem; } h3 { font-size: 1.05rem; }
            table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { border: 1px solid #777; padding: .25rem .5rem; text-align: left; vertical-align: top; }
            thead th { background: #eee; } blockquote { border-left: 4px solid #b02a37; margin: .5rem 0; padding: .25rem .75rem; background: #fdf2f3; }
            hr { page-break-after: always; border: 0; }
            @page { size: A4; margin: 18mm 15mm; }
            @media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } h2, h3 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
            </style>
            </head>
            <body>
            <main>

            """);
        html.Append(safeBodyHtml).Append("\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
