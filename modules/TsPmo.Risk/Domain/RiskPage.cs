namespace TsPmo.Risk.Domain;

/// <summary>One page of a filtered list of risks and the size of the whole list.</summary>
public sealed record RiskPage(IReadOnlyList<RiskEntry> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
