using TsPmo.Agile.Domain;
namespace TsPmo.Agile.Engine;

/// <summary>How long the cards in progress have been in progress, oldest first (the ones to talk about at stand-up).</summary>
internal static class WorkItemAge
{
    /// <param name="p85">The 85th percentile cycle time in days; null (no history) flags nothing.</param>
    public static IReadOnlyList<AgingItem> Of(
        IReadOnlyList<CardFlow> cards, IReadOnlyDictionary<long, string> currentColumn, DateTimeOffset now, double? p85)
    {
        var items = new List<AgingItem>();
        foreach (var card in cards)
        {
            if (card.Started is not { } started || card.Done is not null) continue;
            // A card with no current column is not on the board (archived, or moved off it): nothing to age.
            if (!currentColumn.TryGetValue(card.CardId, out var column)) continue;
            var age = (now - started).TotalDays;
            items.Add(new AgingItem(card.CardId, card.Title, column, age, p85 is { } limit && age > limit));
        }
        items.Sort((a, b) => b.AgeDays != a.AgeDays ? b.AgeDays.CompareTo(a.AgeDays) : a.CardId.CompareTo(b.CardId));
        return items;
    }
}
