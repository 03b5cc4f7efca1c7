using TsPmo.Sdk.Data;

namespace TsPmo.Agile.Domain;

/// <summary>
/// A board needs 2 to 12 uniquely named columns, exactly one commitment point ("started") and exactly one done
/// column after it.
/// </summary>
internal static class ColumnRules
{
    public static IReadOnlyList<ColumnDefinition> Validate(IReadOnlyList<ColumnDefinition>? definitions)
    {
        var defs = (definitions ?? []).Select(d => d with { Name = d.Name?.Trim(), Policy = d.Policy?.Trim() }).ToList();
        var errors = new List<string>();
        if (defs.Count is < 2 or > 12) errors.Add("A board has 2 to 12 columns.");
        if (defs.Any(d => d.Name is not { Length: > 0 and <= 40 })) errors.Add("Every column needs a name of 1 to 40 characters.");
        var duplicate = defs.Where(d => d.Name is not null).GroupBy(d => d.Name!, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) errors.Add($"Two columns are called \"{duplicate.Key}\".");
        if (defs.Any(d => d.WipLimit is < 1 or > 999)) errors.Add("A WIP limit is 1 to 999, or empty for none.");
        if (defs.Any(d => (d.Policy?.Length ?? 0) > 1000)) errors.Add("A column policy is at most 1,000 characters.");
        var started = defs.FindIndex(d => d.Started);
        var done = defs.FindIndex(d => d.Done);
        if (defs.Count(d => d.Started) != 1) errors.Add("Mark exactly one column as the point where work starts.");
        if (defs.Count(d => d.Done) != 1) errors.Add("Mark exactly one column as done.");
        else if (started >= 0 && done <= started) errors.Add("The done column must come after the column where work starts.");
        if (errors.Count > 0) throw new DomainValidationException("columns", string.Join(" ", errors));
        return defs;
    }
}
