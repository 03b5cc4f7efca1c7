using System.Text;

namespace TsPmo.Sdk.Text;

/// <summary>
/// Puts a user value (a project name, a risk title, a comment) into Markdown that code composes, so that it reads as
/// the same words and nothing more: no emphasis, link, image, heading, list, quote, table cell break or new line
/// of its own. Use it for every value a user typed; Markdown a user wrote on purpose (a description, a summary) is
/// passed as it is and rendered by <see cref="IMarkdownRenderer"/>.
/// </summary>
public static class MarkdownText
{
    // CommonMark lets any ASCII punctuation be backslash-escaped. These are the characters that start or close
    // something inline anywhere in a line, with the emphasis extras (~~ ^^ ++ ==), footnotes ([^]) and attributes ({})
    // counted in even though the pipeline does not parse the last: escaping them costs nothing if it ever does.
    private const string Everywhere = "\\`*_{}[]<>!|~^+=&#";

    /// <summary>
    /// The value as literal inline text, safe anywhere inline: in a paragraph, a list item, a heading or a table
    /// cell. Line breaks, tabs and other control characters become one space; leading and trailing white space goes.
    /// </summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var flat = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var space = char.IsControl(c) || char.IsWhiteSpace(c);
            if (space && (flat.Length == 0 || flat[^1] == ' ')) continue;
            flat.Append(space ? ' ' : c);
        }
        var text = flat.ToString().TrimEnd();

        var md = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Everywhere.Contains(c) || i == 0 && c is '-' || IsOrderedListMarker(text, i) || StartsAutolink(text, i)) md.Append('\\');
            md.Append(c);
        }
        return md.ToString();
    }

    /// <summary>
    /// A comma-separated list of escaped values, e.g. for "New risks: a, b, c." lines.
    /// </summary>
    public static string List(IEnumerable<string?> values, string separator = ", ") => string.Join(separator, values.Select(Escape));

    // The autolink extension turns "https://…", "mailto:…" and "www.…" in plain text into links: a value should
    // not become a link someone clicks in a report. An escaped ':' or '.' breaks the pattern and reads the same.
    private static bool StartsAutolink(string text, int i)
    {
        if (text[i] == ':')
            return text.AsSpan(i + 1).StartsWith("//") || text.AsSpan(0, i).EndsWith("mailto", StringComparison.OrdinalIgnoreCase);
        return text[i] == '.' && i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase);
    }

    // "1." or "1)" at the start would make a numbered list when the value starts a line.
    private static bool IsOrderedListMarker(string text, int i)
    {
        if (text[i] is not ('.' or ')') || i == 0 || i > 9) return false;
        for (var j = 0; j < i; j++)
            if (!char.IsAsciiDigit(text[j])) return false;
        return true;
    }
}
