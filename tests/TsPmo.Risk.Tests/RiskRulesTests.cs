using TsPmo.Risk.Domain;
using TsPmo.Sdk.Data;

namespace TsPmo.Risk.Tests;

public sealed class RiskRulesTests
{
    private static RiskInput Valid => new() { Title = "Vendor API changes", Category = "Vendor", Probability = 3, Impact = 4 };

    private static IReadOnlyDictionary<string, string[]> Errors(RiskInput input) =>
        Assert.Throws<DomainValidationException>(() => RiskRules.Validate(input)).Errors;

    [Fact]
    public void A_valid_risk_defaults_to_an_open_threat()
    {
        var v = RiskRules.Validate(Valid with { Category = "vendor" });
        Assert.Equal((RiskKind.Threat, RiskStatus.Open, RiskCategory.Vendor), (v.Kind, v.Status, v.Category));
    }

    [Fact]
    public void Probability_impact_and_category_out_of_range_are_field_errors()
    {
        var errors = Errors(Valid with { Probability = 6, Impact = 0, Category = "Weather" });
        Assert.Contains("probability", errors.Keys);
        Assert.Contains("impact", errors.Keys);
        Assert.Contains("\"Weather\" is not known", errors["category"][0]);
        Assert.Contains("category", Errors(Valid with { Category = "3" }).Keys);
    }

    [Fact]
    public void A_residual_score_above_the_inherent_one_needs_a_reason()
    {
        // Inherent 3 × 4 = 12; residual 4 × 4 = 16.
        Assert.Contains("residualReason", Errors(Valid with { ResidualProbability = 4, ResidualImpact = 4 }).Keys);
        Assert.Equal("New supplier", RiskRules.Validate(Valid with { ResidualProbability = 4, ResidualImpact = 4, ResidualReason = " New supplier " }).ResidualReason);
        Assert.Null(RiskRules.Validate(Valid with { ResidualProbability = 2, ResidualImpact = 4 }).ResidualReason);
        Assert.Contains("residualImpact", Errors(Valid with { ResidualProbability = 2 }).Keys);
    }

    [Theory]
    [InlineData("Threat", "Mitigate", true)]
    [InlineData("Threat", "Escalate", true)]
    [InlineData("Threat", "Exploit", false)]
    [InlineData("Opportunity", "Enhance", true)]
    [InlineData("Opportunity", "Accept", true)]
    [InlineData("Opportunity", "Avoid", false)]
    public void The_response_must_suit_the_kind(string kind, string response, bool allowed)
    {
        var input = Valid with { Kind = kind, Response = response };
        if (allowed) Assert.Equal(response, RiskRules.Validate(input).Response.ToString());
        else Assert.Contains("response", Errors(input).Keys);
    }
}
