using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;

namespace TsPmo.Core.Projects;

/// <summary>Checks a <see cref="ProjectInput"/> against the rules and the database; every problem keyed by field.</summary>
public sealed partial class ProjectValidator(IModuleCatalog modules)
{
    public const string NoMethodologyMessage =
        "No methodology module is enabled, so no project can be created yet. An administrator must enable one (Scrum, Agile (Kanban) or Waterfall) under Admin → Modules.";

    public sealed record Valid(string Name, string Code, string Description, long? Owner, long? Sponsor, DateOnly? Start, DateOnly? Target,
        long? BudgetMinor, string? Currency, int BusinessValue, int StrategicImportance, ProjectPriority Priority, string MethodologyId, IReadOnlyList<string> Tags,
        TsPmo.Sdk.Security.ProjectVisibility? Visibility);

    /// <summary>The normalized input, or throws <see cref="DomainValidationException"/> with every problem found.</summary>
    public async Task<Valid> ValidateAsync(ProjectInput input, DbConnection connection, DbTransaction tx, Project? existing)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200) Add("name", "Give the project a name of 1 to 200 characters.");

        var code = input.Code?.Trim().ToUpperInvariant() ?? "";
        if (!CodePattern().IsMatch(code))
            Add("code", "The code is 2 to 20 letters, digits and dashes, starting with a letter, e.g. CRM-24.");
        else if (await connection.QuerySingleOrDefaultAsync<string>(
                     "SELECT name FROM core_project WHERE code = @code AND id <> @id", new { code, id = existing?.Id ?? 0 }, tx) is { } other)
            Add("code", $"The code {code} is already used by another project.");

        var description = input.Description ?? "";
        if (description.Length > 50_000) Add("description", "The description is limited to 50,000 characters.");

        foreach (var (field, personId) in new[] { ("ownerPersonId", input.OwnerPersonId), ("sponsorPersonId", input.SponsorPersonId) })
        {
            if (personId is { } id && !await connection.ExecuteScalarAsync<bool>(
                    "SELECT EXISTS (SELECT 1 FROM core_person WHERE id = @id AND archived = 0)", new { id }, tx))
                Add(field, $"There is no person {id} in the directory.");
        }

        if (input.StartDate is { } start && input.TargetDate is { } target && target < start)
            Add("targetDate", "The target date cannot be before the start date.");

        long? budgetMinor = null;
        string? currency = null;
        if (input.BudgetAmount is { } amount)
        {
            currency = input.Currency?.Trim().ToUpperInvariant();
            if (amount < 0) Add("budget", "The budget cannot be negative.");
            else if (amount > Money.MaxAmount) Add("budget", $"The budget is limited to {Money.MaxAmount:N0}.");
            else if (!Money.IsCurrencyCode(currency)) Add("currency", "Give the budget's currency as a three-letter code such as EUR or USD.");
            else if (!Money.TryFrom(amount, currency!, out var money)) Add("budget", $"{currency} amounts have at most {Money.Exponent(currency!)} decimals.");
            else budgetMinor = money.Minor;
        }

        if (input.BusinessValue is < 1 or > 5) Add("businessValue", "Business value is rated from 1 (low) to 5 (very high).");
        if (input.StrategicImportance is < 1 or > 5) Add("strategicImportance", "Strategic importance is rated from 1 (low) to 5 (very high).");
        if (input.Visibility is { } visibility && !Enum.IsDefined(visibility)) Add("visibility", "Choose who reads the project: Organization (everyone signed in) or Private (its members, the PMO and administrators).");
        if (!Enum.IsDefined(input.Priority)) Add("priority", "Choose a priority: Low, Medium, High or Critical.");

        var methodology = input.MethodologyId?.Trim() ?? "";
        var enabled = modules.Enabled(ModuleKind.Methodology);
        if (methodology != existing?.MethodologyId || methodology.Length == 0)
        {
            if (enabled.Count == 0) Add("methodologyId", NoMethodologyMessage);
            else if (methodology.Length == 0) Add("methodologyId", "Choose how the project is run: " + string.Join(", ", enabled.Select(m => m.Name)) + ".");
            else if (!enabled.Any(m => m.Id == methodology))
                Add("methodologyId", $"'{methodology}' is not an enabled methodology. Choose one of: " + string.Join(", ", enabled.Select(m => $"{m.Id} ({m.Name})")) + ".");
        }

        var tags = (input.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (tags.Count > 20) Add("tags", "A project has at most 20 tags.");
        if (tags.Any(t => !TagPattern().IsMatch(t))) Add("tags", "A tag is 1 to 40 letters, digits, spaces, dashes or underscores.");

        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new Valid(name, code, description, input.OwnerPersonId, input.SponsorPersonId, input.StartDate, input.TargetDate,
            budgetMinor, currency, input.BusinessValue, input.StrategicImportance, input.Priority, methodology, tags, input.Visibility);
    }

    /// <summary>Splits a comma-separated tag field.</summary>
    public static IReadOnlyList<string> ParseTags(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^[A-Z][A-Z0-9-]{1,19}\z")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[\p{L}\p{N} _-]{1,40}\z")]
    private static partial Regex TagPattern();
}
