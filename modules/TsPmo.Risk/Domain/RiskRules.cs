using TsPmo.Sdk.Data;

namespace TsPmo.Risk.Domain;

/// <summary>Checks a risk's fields; every problem keyed by its camelCase field, all reported at once.</summary>
public static class RiskRules
{
    public static readonly RiskResponse[] ThreatResponses = [RiskResponse.Avoid, RiskResponse.Mitigate, RiskResponse.Transfer, RiskResponse.Accept, RiskResponse.Escalate];
    public static readonly RiskResponse[] OpportunityResponses = [RiskResponse.Exploit, RiskResponse.Enhance, RiskResponse.Share, RiskResponse.Accept];

    public static IReadOnlyList<RiskResponse> ResponsesFor(RiskKind kind) => kind == RiskKind.Threat ? ThreatResponses : OpportunityResponses;

    public static ValidRisk Validate(RiskInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200) Error("title", "Give the risk a title of 1 to 200 characters.");
        var kind = ParseOr<RiskKind>(input.Kind, RiskKind.Threat, "kind", "Choose Threat or Opportunity.", errors) ?? RiskKind.Threat;
        var category = ParseOr<RiskCategory>(input.Category, null, "category",
            $"Choose a category: {string.Join(", ", Enum.GetNames<RiskCategory>())}.", errors);
        var status = ParseOr<RiskStatus>(input.Status, RiskStatus.Open, "status", "Choose Open, Monitoring, Closed or Occurred.", errors) ?? RiskStatus.Open;
        var response = string.IsNullOrWhiteSpace(input.Response) ? null
            : ParseOr<RiskResponse>(input.Response, null, "response", $"Choose a response: {string.Join(", ", ResponsesFor(kind))}.", errors);
        if (response is { } r && !errors.ContainsKey("response") && !ResponsesFor(kind).Contains(r))
            Error("response", $"{r} is not a response to {(kind == RiskKind.Threat ? "a threat" : "an opportunity")}: choose {string.Join(", ", ResponsesFor(kind))}.");

        if (input.Probability is not (>= 1 and <= 5)) Error("probability", "Probability is 1 (rare) to 5 (almost certain).");
        if (input.Impact is not (>= 1 and <= 5)) Error("impact", "Impact is 1 (minimal) to 5 (severe).");
        if (input.ResidualProbability is { } rp && rp is < 1 or > 5) Error("residualProbability", "Residual probability is 1 to 5.");
        if (input.ResidualImpact is { } ri && ri is < 1 or > 5) Error("residualImpact", "Residual impact is 1 to 5.");
        if (input.ResidualProbability is null != input.ResidualImpact is null)
            Error(input.ResidualProbability is null ? "residualProbability" : "residualImpact", "Give both residual probability and residual impact, or neither.");

        var reason = string.IsNullOrWhiteSpace(input.ResidualReason) ? null : input.ResidualReason.Trim();
        if (errors.Count == 0 && input.ResidualProbability * input.ResidualImpact > input.Probability * input.Impact && reason is null)
            Error("residualReason", $"The residual score ({input.ResidualProbability * input.ResidualImpact}) is above the inherent one ({input.Probability * input.Impact}): say why the response makes it worse.");
        foreach (var (field, value) in new[] { ("description", input.Description), ("cause", input.Cause), ("event", input.Event), ("effect", input.Effect),
                     ("mitigation", input.Mitigation), ("triggers", input.Triggers), ("residualReason", reason), ("note", input.Note) })
            if ((value?.Length ?? 0) > 10_000) Error(field, "At most 10,000 characters.");

        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new ValidRisk(kind, title, input.Description?.Trim() ?? "", category!.Value, input.Cause?.Trim() ?? "", input.Event?.Trim() ?? "",
            input.Effect?.Trim() ?? "", input.Probability!.Value, input.Impact!.Value, input.ResidualProbability, input.ResidualImpact,
            input.ResidualProbability is null ? null : reason, input.Proximity, input.Owner, response, input.Mitigation?.Trim() ?? "",
            input.Triggers?.Trim() ?? "", status, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim());
    }

    /// <summary>An enum name (case-insensitive, no numbers: "7" is not a category), the fallback when blank, or an error.</summary>
    private static T? ParseOr<T>(string? text, T? fallback, string field, string message, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (fallback is null) errors[field] = [message];
            return fallback;
        }
        var name = text.Trim();
        if (!name.All(char.IsLetter) || !Enum.TryParse<T>(name, ignoreCase: true, out var value))
        {
            errors[field] = [$"\"{name}\" is not known. {message}"];
            return fallback;
        }
        return value;
    }
}
