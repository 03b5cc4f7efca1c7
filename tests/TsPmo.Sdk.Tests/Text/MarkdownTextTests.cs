using TsPmo.Sdk.Text;

namespace TsPmo.Sdk.Tests.Text;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("Plain words, 42 of them.", "Plain words, 42 of them.")]
    [InlineData("**bold** _it_", @"\*\*bold\*\* \_it\_")]
    [InlineData("[x](javascript:alert(1))", @"\[x\](javascript:alert(1))")]
    [InlineData("![i](/__pwned)", @"\!\[i\](/\_\_pwned)")]
    [InlineData("<script>alert(1)</script>", @"\<script\>alert(1)\</script\>")]
    [InlineData("a | b", @"a \| b")]
    [InlineData("`code`", @"\`code\`")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("~~gone~~ ^up^ ++ins++ ==mark==", @"\~\~gone\~\~ \^up\^ \+\+ins\+\+ \=\=mark\=\=")]
    [InlineData("{hx-get=/x onclick=y}", @"\{hx-get\=/x onclick\=y\}")]
    [InlineData("&#106;avascript", @"\&\#106;avascript")]
    [InlineData("[^1]", @"\[\^1\]")]
    public void Markdown_punctuation_is_backslash_escaped(string? value, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(value));

    [Theory]
    [InlineData("# Heading", @"\# Heading")]
    [InlineData("> quote", @"\> quote")]
    [InlineData("- item", @"\- item")]
    [InlineData("+ item", @"\+ item")]
    [InlineData("* item", @"\* item")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("12) twelfth", @"12\) twelfth")]
    [InlineData("    indented code", "indented code")]
    [InlineData("=== setext", @"\=\=\= setext")]
    public void Line_starts_cannot_open_a_block(string value, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(value));

    [Theory]
    [InlineData("Phase 1. Build", "Phase 1. Build")]
    [InlineData("Q3 - budget", "Q3 - budget")]
    [InlineData("v2.1 (beta)", "v2.1 (beta)")]
    [InlineData("A-team", "A-team")]
    public void Punctuation_that_only_matters_at_a_line_start_is_left_alone_elsewhere(string value, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(value));

    [Theory]
    [InlineData("two\nlines", "two lines")]
    [InlineData("cr\r\nlf", "cr lf")]
    [InlineData("para\n\n\nbreak  twice", "para break twice")]
    [InlineData("tab\there", "tab here")]
    [InlineData("line\u2028separator", "line separator")]
    [InlineData("end\n# heading", @"end \# heading")]
    [InlineData("row | x |\n|---|", @"row \| x \| \|---\|")]
    public void Line_breaks_and_control_characters_become_spaces(string value, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(value));

    [Theory]
    [InlineData("see https://evil.example", @"see https\://evil.example")]
    [InlineData("HTTP://x", @"HTTP\://x")]
    [InlineData("mailto:a@b.c", @"mailto\:a@b.c")]
    [InlineData("www.evil.example", @"www\.evil.example")]
    [InlineData("Risk: late", "Risk: late")]
    [InlineData("10:30 standup", "10:30 standup")]
    public void Text_that_would_autolink_is_broken_up(string value, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(value));

    [Fact]
    public void List_escapes_every_value()
    {
        Assert.Equal(@"\*a\*, b\|c, ", MarkdownText.List(["*a*", "b|c", null]));
        Assert.Equal(@"\# x; \- y", MarkdownText.List(["# x", "- y"], "; "));
    }
}
