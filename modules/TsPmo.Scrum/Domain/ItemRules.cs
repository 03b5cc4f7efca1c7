using TsPmo.Sdk.Data;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Domain;

/// <summary>Checks an item's fields; every problem keyed by its field.</summary>
internal static class ItemRules
{
    public static ItemInput Validate(ItemInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200) errors["title"] = ["Give the item a title of 1 to 200 characters."];
        if (!Enum.IsDefined(input.Type)) errors["type"] = ["Choose Story, Bug or Task."];
        if ((input.Description?.Length ?? 0) > 20_000) errors["description"] = ["The description is limited to 20,000 characters."];
        if ((input.AcceptanceCriteria?.Length ?? 0) > 20_000) errors["acceptanceCriteria"] = ["The acceptance criteria are limited to 20,000 characters."];
        if (input.Points is < 0) errors["points"] = ["Story points cannot be negative."];
        else if (input.Points is > 1000) errors["points"] = ["Story points are 0 to 1,000; split an item that big."];
        if (input.EstimateHours is < 0 or > 10_000) errors["estimateHours"] = ["The estimate is 0 to 10,000 hours."];
        if (!Enum.IsDefined(input.Status)) errors["status"] = ["Choose To do, In progress or Done."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return input with
        {
            Title = title, Description = input.Description ?? "", AcceptanceCriteria = input.AcceptanceCriteria ?? "",
            Points = input.Points ?? 0,
        };
    }

    public static ItemInput Snapshot(BacklogItem i) => new()
    {
        Title = i.Title, Type = i.Type, Description = i.Description, AcceptanceCriteria = i.AcceptanceCriteria, Points = i.Points,
        EstimateHours = i.EstimateHours, AssigneeId = i.AssigneeId, Status = i.Status,
    };
}
