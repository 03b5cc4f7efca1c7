using TsPmo.Sdk.Data;

namespace TsPmo.Agile.Domain;

/// <summary>Checks a card's fields; every problem keyed by its field.</summary>
internal static class CardRules
{
    public static CardInput Validate(CardInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200) errors["title"] = ["Give the card a title of 1 to 200 characters."];
        if ((input.Description?.Length ?? 0) > 20_000) errors["description"] = ["The description is limited to 20,000 characters."];
        if (input.EstimateHours is < 0 or > 10_000) errors["estimateHours"] = ["The estimate is 0 to 10,000 hours."];
        if (!Enum.IsDefined(input.ClassOfService)) errors["classOfService"] = ["Choose Expedite, FixedDate, Standard or Intangible."];
        if (input.ClassOfService == ClassOfService.FixedDate && input.DueDate is null) errors["dueDate"] = ["A fixed-date card needs its due date."];
        var reason = string.IsNullOrWhiteSpace(input.BlockedReason) ? null : input.BlockedReason.Trim();
        if (input.Blocked && reason is null) errors["blockedReason"] = ["Say what blocks the card, so someone can unblock it."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return input with { Title = title, Description = input.Description ?? "", BlockedReason = input.Blocked ? reason : null };
    }

    public static CardInput Snapshot(Card c) => new()
    {
        Title = c.Title, Description = c.Description, ClassOfService = c.ClassOfService, AssigneeId = c.AssigneeId,
        EstimateHours = c.EstimateHours, DueDate = c.DueDate, Blocked = c.Blocked, BlockedReason = c.BlockedReason,
    };
}
