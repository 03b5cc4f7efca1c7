using TsPmo.Sdk.Data;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Domain;

internal static class SprintRules
{
    public static SprintInput Validate(SprintInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) errors["name"] = ["Give the sprint a name of 1 to 100 characters."];
        if ((input.Goal?.Length ?? 0) > 2_000) errors["goal"] = ["The sprint goal is limited to 2,000 characters."];
        if (input.Start is null) errors["start"] = ["Give the sprint's start date."];
        if (input.End is null) errors["end"] = ["Give the sprint's end date."];
        if (input.Start is { } s && input.End is { } e)
        {
            if (e < s) errors["end"] = [$"The end date ({e:yyyy-MM-dd}) is before the start date ({s:yyyy-MM-dd})."];
            else if (e.DayNumber - s.DayNumber > 62) errors["end"] = ["A sprint lasts at most nine weeks; Scrum sprints are usually one to four."];
        }
        if (input.CapacityPoints is < 0) errors["capacityPoints"] = ["Capacity cannot be negative."];
        else if (input.CapacityPoints is > 10_000) errors["capacityPoints"] = ["Capacity is 0 to 10,000 points."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return input with { Name = name, Goal = input.Goal?.Trim() ?? "", CapacityPoints = input.CapacityPoints ?? 0 };
    }
}
