namespace TsPmo.Core.People;

public sealed record PersonPage(IReadOnlyList<Person> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
