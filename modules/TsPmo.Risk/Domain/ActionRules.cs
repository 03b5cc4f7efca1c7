using TsPmo.Sdk.Data;

namespace TsPmo.Risk.Domain;

/// <summary>Checks a mitigation action's fields.</summary>
public static class ActionRules
{
    public static (string Title, ActionStatus Status) Validate(ActionInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200) errors["title"] = ["Give the action a title of 1 to 200 characters."];
        var status = ActionStatus.Open;
        if (!string.IsNullOrWhiteSpace(input.Status) && (!input.Status.Trim().All(char.IsLetter) || !Enum.TryParse(input.Status.Trim(), true, out status)))
            errors["status"] = ["Choose Open, InProgress, Done or Cancelled."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return (title, status);
    }
}
