using TsPmo.Core.Documents;
using TsPmo.Core.Text;

namespace TsPmo.Core.Tests.Documents;

public sealed class DocumentTemplatesTests
{
    [Fact]
    public void The_charter_has_every_section_a_charter_needs()
    {
        var charter = DocumentTemplates.For(DocumentKind.Charter);

        Assert.NotNull(charter);
        Assert.StartsWith("# Project charter", charter);
        foreach (var heading in new[] { "## Purpose", "## Objectives", "### In scope", "### Out of scope", "## Stakeholders", "## Milestones",
                     "## Budget", "## Risks", "## Assumptions", "## Success criteria", "## Approvals" })
            Assert.Contains("\n" + heading, charter);
        // Objectives come with measures; stakeholders, milestones and approvals are tables.
        Assert.Contains("| Objective | Measure | Baseline | Target | By |", charter);
        Assert.Contains("| Name | Role | Interest or expectation | Involvement |", charter);
        Assert.Contains("| Milestone | Target date | Done when |", charter);
        Assert.Contains("| Name | Role | Decision | Date |", charter);
    }

    [Fact]
    public void The_decision_record_follows_the_ADR_shape()
    {
        var adr = DocumentTemplates.For(DocumentKind.DecisionRecord)!;

        foreach (var part in new[] { "**Status:**", "## Context", "## Options considered", "## Decision", "## Consequences" })
            Assert.Contains(part, adr);
    }

    [Fact]
    public void The_plan_covers_schedule_resources_and_change_control()
    {
        var plan = DocumentTemplates.For(DocumentKind.Plan)!;

        foreach (var heading in new[] { "## Approach", "## Schedule and milestones", "## Team and resources", "## Communication", "## Change control" })
            Assert.Contains(heading, plan);
    }

    [Fact]
    public void Other_documents_have_no_template()
    {
        Assert.Null(DocumentTemplates.For(DocumentKind.Other));
        Assert.False(DocumentTemplates.Has(DocumentKind.Other));
    }

    [Theory]
    [InlineData(DocumentKind.Charter)]
    [InlineData(DocumentKind.Plan)]
    [InlineData(DocumentKind.DecisionRecord)]
    public void Templates_render_as_Markdown_headings_and_have_LF_line_ends(DocumentKind kind)
    {
        var template = DocumentTemplates.For(kind)!;
        var html = new SafeMarkdownRenderer().ToSafeHtml(template);

        Assert.DoesNotContain('\r', template);
        Assert.Contains("<h1", html);
        Assert.Contains("<h2", html);
        Assert.True(template.Length < DocumentService.MaxBodyLength);
    }
}
