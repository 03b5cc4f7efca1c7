using System.Collections.Concurrent;

namespace TsPmo.Core.Documents;

/// <summary>
/// The Markdown templates shipped inside this assembly (Documents/Templates/*.md), one per kind that has one.
/// Embedded rather than on disk so an install cannot lose or half-edit them.
/// </summary>
public static class DocumentTemplates
{
    private static readonly ConcurrentDictionary<DocumentKind, string?> Cache = new();

    public static bool Has(DocumentKind kind) => For(kind) is not null;

    /// <summary>The template of <paramref name="kind"/>, or null when the kind has none.</summary>
    public static string? For(DocumentKind kind) => Cache.GetOrAdd(kind, Load);

    private static string? Load(DocumentKind kind)
    {
        var file = kind switch
        {
            DocumentKind.Charter => "charter.md",
            DocumentKind.Plan => "plan.md",
            DocumentKind.DecisionRecord => "decision-record.md",
            _ => null,
        };
        if (file is null) return null;
        using var stream = typeof(DocumentTemplates).Assembly.GetManifestResourceStream("TsPmo.Core.Documents.Templates." + file)
            ?? throw new InvalidOperationException($"The {kind} template is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
