using TsPmo.Sdk.Data;

namespace TsPmo.Risk.Domain;

/// <summary>Checks RAID entries' fields; every problem keyed by its camelCase field, all found at once.</summary>
internal static class RaidRules
{
    public static IssueFields Validate(IssueInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var title = Title(input.Title, errors);
        if ((input.Description?.Length ?? 0) > 20_000) errors["description"] = ["The description is limited to 20,000 characters."];
        var severity = Parse<IssueSeverity>(input.Severity, null, "severity", errors);
        var status = Parse<IssueStatus>(input.Status, IssueStatus.Open, "status", errors);
        var resolution = Trimmed(input.Resolution);
        if (status is IssueStatus.Resolved or IssueStatus.Closed && resolution is null)
            errors["resolution"] = [$"Say how the issue was resolved before marking it {status}."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new IssueFields(title, input.Description ?? "", severity!.Value, input.OwnerId, input.DueDate, status!.Value, resolution);
    }

    public static AssumptionInput Validate(AssumptionInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var title = Title(input.Title, errors);
        if ((input.Description?.Length ?? 0) > 20_000) errors["description"] = ["The description is limited to 20,000 characters."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new AssumptionInput { Title = title, Description = input.Description ?? "" };
    }

    /// <summary>Checks the fields alone; whether the other project exists is the service's job.</summary>
    public static DependencyFields Validate(long projectId, DependencyInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var title = Title(input.Title, errors);
        var vendor = Trimmed(input.Vendor);
        if (vendor is { Length: > 200 }) errors["vendor"] = ["The vendor's name is limited to 200 characters."];
        if ((input.OnProjectId is null) == (vendor is null))
            errors["onProjectId"] = ["Name exactly one thing this depends on: another project or a vendor."];
        else if (input.OnProjectId == projectId)
            errors["onProjectId"] = ["A project cannot depend on itself: choose another project or a vendor."];
        var status = Parse<DependencyStatus>(input.Status, DependencyStatus.Open, "status", errors);
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new DependencyFields(title, input.OnProjectId, vendor, input.NeededBy, status!.Value, input.OwnerId);
    }

    /// <summary>The severity of the issue a risk becomes, from its score (probability × impact, 1–25).</summary>
    public static IssueSeverity SeverityFor(int probability, int impact) => (probability * impact) switch
    {
        <= 4 => IssueSeverity.Low,
        <= 9 => IssueSeverity.Medium,
        <= 15 => IssueSeverity.High,
        _ => IssueSeverity.Critical,
    };

    private static string Title(string? value, Dictionary<string, string[]> errors)
    {
        var title = value?.Trim() ?? "";
        if (title.Length is 0 or > 200) errors["title"] = ["Give it a title of 1 to 200 characters."];
        return title;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Names only (case-insensitive): numbers would let "7" through as an undefined value.</summary>
    private static T? Parse<T>(string? value, T? fallback, string field, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (fallback is null) errors[field] = [$"Choose one of {string.Join(", ", Enum.GetNames<T>())}."];
            return fallback;
        }
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors[field] = [$"\"{value.Trim()}\" is not a {field}. Choose one of {string.Join(", ", Enum.GetNames<T>())}."];
            return fallback;
        }
        return Enum.Parse<T>(name);
    }
}
