using TsPmo.Risk.Domain;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Risk.Areas.Risk.Pages;

/// <summary>The risk fields partial: the values to show, the people to choose an owner from, and whether status is editable (not on create).</summary>
public sealed record RiskFormView(RiskInput Input, IReadOnlyList<PersonInfo> People, bool WithStatus);
