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
    public void Renders_pipe_tables()
    {
        var html = _renderer.ToSafeHtml("| Risk | Score |\n|------|------:|\n| Late vendor | 12 |\n");

        Assert.Contains("<table>", html);
        Assert.Contains("<th>Risk</th>", html);
        Assert.Contains(">12</td>", html);
        Assert.Contains("<td class=\"text-end\">12</td>", html); // alignment as a fixed class, not a style
        Assert.DoesNotContain("style", html);
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
        Assert.DoesNotContain("<div onclick", html, StringComparison.OrdinalIgnoreCase);
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
    [InlineData("[anchor](#risks)", "href=\"#user-content-risks\"")]
    [InlineData("[ref][r]\n\n[r]: https://example.com/ref", "href=\"https://example.com/ref\"")]
    [InlineData("<https://example.com/auto>", "href=\"https://example.com/auto\"")]
    [InlineData("![logo](/files/logo.png)", "src=\"/files/logo.png\"")]
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

    // ---- The second wall and the container (issue #12) ----

    // An attribute a user might have chosen, inside any tag but the container's own opening tag.
    private static readonly Regex ActiveAttribute = new(@"<[^>]*\s(hx-[\w-]+|on\w+|style|data-[\w-]+)\s*=", RegexOptions.IgnoreCase);

    private static string Inner(string html)
    {
        Assert.StartsWith(SafeMarkdownRenderer.ContainerStart, html);
        Assert.EndsWith("</div>", html);
        return html[SafeMarkdownRenderer.ContainerStart.Length..^"</div>".Length];
    }

    [Fact]
    public void Output_is_one_hx_disable_container()
    {
        var html = _renderer.ToSafeHtml("Hello");

        Assert.Equal("<div class=\"user-content\" hx-disable><p>Hello</p>\n</div>", html);
    }

    [Theory]
    [InlineData("# Title {hx-get=/__pwned hx-trigger=load onclick=alert(1)}")]
    [InlineData("[click](/a){hx-post=/api/v1/users hx-trigger=load hx-vals='{\"role\":\"Admin\"}'}")]
    [InlineData("{#x .btn style=\"color:red\" onmouseover=alert(1)}\nparagraph")]
    [InlineData("::: {hx-get=/__pwned hx-trigger=load}\ninside\n:::")]
    [InlineData("<div hx-get=\"/__pwned\" hx-trigger=\"load\">x</div>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=alert(1)><circle r=1 /></svg>")]
    [InlineData("<iframe src=\"/__pwned\"></iframe>")]
    [InlineData("| a {hx-get=/__pwned} |\n|---|\n| b {onclick=x} |")]
    [InlineData("- [ ] task {hx-get=/__pwned hx-trigger=load}")]
    [InlineData("```js {hx-get=/__pwned}\ncode\n```")]
    public void No_user_chosen_attribute_survives(string markdown)
    {
        var inner = Inner(_renderer.ToSafeHtml(markdown));

        Assert.False(ActiveAttribute.IsMatch(inner), inner);
        Assert.DoesNotContain("<iframe", inner, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", inner, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", inner, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_fenced_code_language_does_not_become_a_class()
    {
        var html = _renderer.ToSafeHtml("```btn btn-danger\nrm -rf /\n```");

        Assert.Contains("<pre><code>rm -rf /", html);
        Assert.DoesNotContain("class=\"language", html);
    }

    [Fact]
    public void Heading_ids_are_prefixed_so_they_cannot_collide_with_the_page()
    {
        var html = _renderer.ToSafeHtml("# main\n\n## Risks");

        Assert.Contains("<h1 id=\"user-content-main\">main</h1>", html);
        Assert.Contains("<h2 id=\"user-content-risks\">Risks</h2>", html);
        Assert.DoesNotContain("id=\"main\"", html);
    }

    [Fact]
    public void Footnotes_keep_working_with_prefixed_ids()
    {
        var html = _renderer.ToSafeHtml("Claim.[^1]\n\n[^1]: Source.");

        var ids = Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var targets = Regex.Matches(html, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, targets.Count);
        Assert.All(ids, id => Assert.StartsWith("user-content-", id));
        Assert.All(targets, target => Assert.Contains(target, ids)); // every footnote link finds its target
        Assert.Contains("class=\"footnote-ref\"", html);
    }

    [Fact]
    public void Task_lists_keep_their_fixed_classes_and_a_disabled_tick()
    {
        var html = _renderer.ToSafeHtml("- [x] done\n- [ ] todo");

        Assert.Contains("class=\"contains-task-list\"", html);
        Assert.Contains("class=\"task-list-item\"", html);
        Assert.Matches("<input[^>]*disabled[^>]*>", html);
    }

    [Fact]
    public void A_remote_image_becomes_a_link_and_loads_nothing()
    {
        var html = _renderer.ToSafeHtml("![tracking pixel](https://evil.example/p.png)");

        Assert.DoesNotContain("<img", html);
        Assert.Contains("<a href=\"https://evil.example/p.png\" rel=\"nofollow noopener noreferrer\">tracking pixel</a>", html);
    }

    [Fact]
    public void Entities_stay_text()
    {
        var html = _renderer.ToSafeHtml("&lt;script&gt;alert(1)&lt;/script&gt; and &#60;b&#62;");

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("<https://example.com/a>")]
    [InlineData("www.example.com")]
    [InlineData("see https://example.com/x now")]
    public void Autolinks_are_rendered_with_rel(string markdown) =>
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", _renderer.ToSafeHtml(markdown));

    [Fact]
    public void Ftp_and_other_schemes_from_autolinks_are_dropped() =>
        Assert.DoesNotContain("href=\"ftp:", _renderer.ToSafeHtml("ftp://example.com/file and <ftp://example.com/x>"));
}
