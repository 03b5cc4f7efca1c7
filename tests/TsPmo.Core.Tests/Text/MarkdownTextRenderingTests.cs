using System.Net;
using System.Text.RegularExpressions;
using TsPmo.Core.Text;
using TsPmo.Sdk.Text;

namespace TsPmo.Core.Tests.Text;

/// <summary>
/// MarkdownText.Escape through the real pipeline: a hostile value composed into a paragraph, a list item, a heading
/// and a table cell reads back as the same words, with no element of its own.
/// </summary>
public sealed class MarkdownTextRenderingTests
{
    private readonly SafeMarkdownRenderer _renderer = new();

    public static TheoryData<string> HostileValues() =>
    [
        "**Apollo** _launch_",
        "[click](https://evil.example)",
        "![pixel](https://evil.example/p.png)",
        "<script>alert(1)</script>",
        "<b onmouseover=alert(1)>x</b>",
        "Name {hx-get=/__pwned hx-trigger=load}",
        "a | b | c",
        "# not a heading",
        "> not a quote",
        "- not a list",
        "1. not a list",
        "line one\nline two\n\n# heading",
        "`code` and ~~strike~~ and ^sup^",
        "&lt;i&gt;entity&lt;/i&gt; &#106;",
        "www.example.com",
        "see https://evil.example/login or mailto:x@evil.example",
        "footnote[^1]",
        @"trailing backslash \",
    ];

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void An_escaped_value_reads_as_its_own_words_in_every_context(string value)
    {
        var expected = Regex.Replace(value, @"\s+", " ").Trim();
        var escaped = MarkdownText.Escape(value);

        var paragraph = _renderer.ToSafeHtml($"Risk: {escaped} (open)");
        var item = _renderer.ToSafeHtml($"- {escaped}");
        var heading = _renderer.ToSafeHtml($"# Status report: {escaped}");
        var table = _renderer.ToSafeHtml($"| Name | Score |\n|---|---|\n| {escaped} | 12 |");

        Assert.Equal($"Risk: {expected} (open)", Text(paragraph, "p"));
        Assert.Equal(expected, Text(item, "li"));
        Assert.Equal($"Status report: {expected}", Text(heading, "h1"));
        Assert.Equal(expected, Text(table, "td"));
        Assert.Contains(">12</td>", table); // the pipe did not split the row
        Assert.DoesNotContain("<a ", paragraph + item + heading + table);
    }

    // The only element inside the container is the one the composed Markdown asked for; its text, decoded.
    private static string Text(string html, string element)
    {
        var inner = html[SafeMarkdownRenderer.ContainerStart.Length..^"</div>".Length];
        var tags = Regex.Matches(inner, "<(/?)([a-z0-9]+)").Select(m => m.Groups[2].Value).Distinct().ToList();
        var allowed = element == "td" ? new[] { "table", "thead", "tbody", "tr", "th", "td" } : element == "li" ? ["ul", "li"] : [element];
        Assert.True(tags.All(allowed.Contains), $"unexpected element in: {inner}");
        var match = Regex.Match(inner, $"<{element}[^>]*>(.*?)</{element}>", RegexOptions.Singleline);
        Assert.True(match.Success, inner);
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }
}
