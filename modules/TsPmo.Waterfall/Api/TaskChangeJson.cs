using System.Globalization;
using System.Text.Json;
using TsPmo.Sdk.Data;
using TsPmo.Waterfall.Domain;

namespace TsPmo.Waterfall.Api;

/// <summary>
/// Reads a task's JSON body into a <see cref="TaskChange"/> by hand, because a PATCH must tell "not sent" from
/// "sent as null" (a null <c>parentId</c> moves the task to the top level). Wrong types are field errors, not 500s.
/// </summary>
internal static class TaskChangeJson
{
    public static (TaskChange Change, long? Version) Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) throw new DomainValidationException("", "Send the task as a JSON object.");
        var errors = new Dictionary<string, string[]>();
        var c = new TaskChange();
        long? version = null;
        foreach (var p in body.EnumerateObject())
        {
            var v = p.Value;
            try
            {
                switch (p.Name.ToLowerInvariant())
                {
                    case "name": c.Name = Text(v) ?? ""; break;
                    case "notes": c.Notes = Text(v) ?? ""; break;
                    case "durationdays": c.DurationDays = Number(v); break;
                    case "durationhours": c.DurationHours = Number(v); break;
                    case "elapsed": c.Elapsed = Bool(v); break;
                    case "milestone": c.Milestone = Bool(v); break;
                    case "parentid": c.ParentIdSet = true; c.ParentId = Id(v); break;
                    case "constrainttype": c.ConstraintType = Text(v) ?? "ASAP"; break;
                    case "constraintdate": c.ConstraintDateSet = true; c.ConstraintDate = Text(v); break;
                    case "deadline": c.DeadlineSet = true; c.Deadline = Text(v); break;
                    case "percentcomplete": c.PercentComplete = Number(v); break;
                    case "actualstart": c.ActualStartSet = true; c.ActualStart = Text(v); break;
                    case "actualfinish": c.ActualFinishSet = true; c.ActualFinish = Text(v); break;
                    case "plannedcost": c.PlannedCost = Number(v); break;
                    case "actualcost": c.ActualCost = Number(v); break;
                    case "version": version = Id(v); break;
                    case "predecessors": c.Predecessors = v.ValueKind == JsonValueKind.Null ? [] : v.EnumerateArray().Select(Predecessor).ToList(); break;
                    case "assignments":
                        c.Assignments = v.ValueKind == JsonValueKind.Null ? [] : v.EnumerateArray().Select(a =>
                            new AssignmentInput(Id(a.GetProperty("personId")) ?? throw new FormatException("personId"), Number(Prop(a, "hours")) ?? 0)).ToList();
                        break;
                }
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException or KeyNotFoundException)
            {
                errors[p.Name] = [$"\"{p.Name}\" has the wrong type or shape."];
            }
        }
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return (c, version);
    }

    private static PredecessorInput Predecessor(JsonElement e) => new(
        Id(e.GetProperty("taskId")) ?? throw new FormatException("taskId"),
        Text(Prop(e, "type")), Number(Prop(e, "lagDays")), Number(Prop(e, "lagHours")));

    private static JsonElement Prop(JsonElement e, string name)
    {
        foreach (var p in e.EnumerateObject()) if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return default;
    }

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString(),
        _ => throw new FormatException(),
    };

    private static decimal? Number(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number => v.GetDecimal(),
        JsonValueKind.String when decimal.TryParse(v.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new FormatException(),
    };

    private static long? Id(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number => v.GetInt64(),
        JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => throw new FormatException(),
    };

    private static bool? Bool(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new FormatException(),
    };
}
