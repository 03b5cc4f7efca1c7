using System.Net;
using System.Text.RegularExpressions;
using TsPmo.Core.Text;

namespace TsPmo.Core.Tests.Text;

public sealed class SafeMarkdownRendererTests
{
    private readonly SafeMarkdownRenderer _renderer = new();

    private static readonly Regex UrlAttribute = new(@"(?:href|src)\s*=\s*""([^""]*)""", RegexOptions.IgnoreCase);

    /// <summary>
    /// No href or src may carry a script or data URL, whatever its case, entities or hidden characters.
    /// (The same words as plain text are harmless and may remain.)
    /// </summary>
    private static void AssertNoDangerousUrl(string html)
    {
        foreach (Match match in UrlAttribute.Matches(html))
        {
            var url = WebUtility.HtmlDecode(match.Groups[1].Value);
            var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
            Assert.False(Regex.IsMatch(compact, "^(javascript|vbscript|data):", RegexOptions.IgnoreCase), $"dangerous URL in: {html}");
        }
        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<img", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void Empty_input_renders_nothing(string? markdown) => Assert.Equal("", _renderer.ToSafeHtml(markdown));

    [Fact]
    public void Renders_emphasis()
    {
        var html = _renderer.ToSafeHtml("Some *stress* and **strong** words.");

        Assert.Contains("<em>stress</em>", html);
        Assert.Contains("<strong>strong</strong>", html);
    }

    [Fact]
    public void Renders_pipe_tables_from_the_advanced_extensions()
    {
        var html = _renderer.ToSafeHtml("| Risk | Score |\n|------|------:|\n| Late vendor | 12 |\n");

        Assert.Contains("<table>", html);
        Assert.Contains("<th>Risk</th>", html);
        Assert.Contains(">12</td>", html);
    }

    [Fact]
    public void Renders_task_lists_and_strikethrough()
    {
        var html = _renderer.ToSafeHtml("- [x] done\n- [ ] todo\n\n~~gone~~");

        Assert.Contains("type=\"checkbox\"", html);
        Assert.Contains("<del>gone</del>", html);
    }

    [Fact]
    public void Raw_script_is_escaped_not_rendered()
    {
        var html = _renderer.ToSafeHtml("Hello <script>alert('x')</script> there\n\n<div onclick=\"evil()\">block</div>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("&lt;div onclick", html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("[x](<java\tscript:alert(1)>)")]
    [InlineData("[x](<java\nscript:alert(1)>)")]
    [InlineData("[x]( javascript:alert(1) )")]
    [InlineData("[x](javascript&#58;alert(1))")]
    [InlineData("[x](&#x6A;avascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![i](data:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("![i](javascript:alert(1))")]
    [InlineData("[![i](data:image/png;base64,iVBORw0KGgo=)](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x][evil]\n\n[evil]: javascript:alert(1)")]
    [InlineData("[evil]\n\n[evil]: JAVASCRIPT:alert(1)")]
    [InlineData("![i][pic]\n\n[pic]: data:image/png;base64,iVBORw0KGgo=")]
    public void Script_and_data_urls_never_reach_the_output(string markdown)
    {
        var html = _renderer.ToSafeHtml(markdown);

        AssertNoDangerousUrl(html);
    }

    [Fact]
    public void A_removed_link_keeps_its_words()
    {
        var html = _renderer.ToSafeHtml("Click [the *report*](javascript:alert(1)) now.");

        Assert.DoesNotContain("<a", html);
        Assert.Contains("Click the <em>report</em> now.", html);
    }

    [Fact]
    public void A_removed_image_is_gone()
    {
        var html = _renderer.ToSafeHtml("Before ![chart](data:image/png;base64,iVBORw0KGgo=) after");

        Assert.DoesNotContain("<img", html);
        Assert.Contains("Before", html);
        Assert.Contains("after", html);
    }

    [Theory]
    [InlineData("[site](https://example.com/a?b=c)", "href=\"https://example.com/a?b=c\"")]
    [InlineData("[site](http://example.com)", "href=\"http://example.com\"")]
    [InlineData("[mail](mailto:pmo@example.com)", "href=\"mailto:pmo@example.com\"")]
    [InlineData("[rel](/projects/42)", "href=\"/projects/42\"")]
    [InlineData("[rel](reports/q1.html)", "href=\"reports/q1.html\"")]
    [InlineData("[rel](/search?q=a:b)", "href=\"/search?q=a:b\"")]
    [InlineData("[anchor](#risks)", "href=\"#risks\"")]
    [InlineData("[ref][r]\n\n[r]: https://example.com/ref", "href=\"https://example.com/ref\"")]
    [InlineData("<https://example.com/auto>", "href=\"https://example.com/auto\"")]
    [InlineData("![logo](https://example.com/logo.png)", "src=\"https://example.com/logo.png\"")]
    [InlineData("[SITE](HTTPS://example.com)", "href=\"HTTPS://example.com\"")]
    public void Safe_links_survive(string markdown, string expected) =>
        Assert.Contains(expected, _renderer.ToSafeHtml(markdown));

    [Theory]
    [InlineData("https://example.com", true)]
    [InlineData("mailto:a@b.c", true)]
    [InlineData("/relative/path", true)]
    [InlineData("page?x=javascript:1", true)]
    [InlineData("", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JAVASCRIPT:alert(1)", false)]
    [InlineData("java\u0000script:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData("data:text/plain,hi", false)]
    [InlineData("file:///etc/passwd", false)]
    public void IsSafe_allows_only_http_https_mailto_and_relative_urls(string url, bool safe) =>
        Assert.Equal(safe, SafeMarkdownRenderer.IsSafe(url));
}
