using TsPmo.Sdk.Time;

namespace TsPmo.Sdk.Tests.Time;

public class WeeksTests
{
    [Theory]
    [InlineData("2026-11-30", "2026-11-30")] // Monday
    [InlineData("2026-12-03", "2026-11-30")] // Thursday
    [InlineData("2026-12-06", "2026-11-30")] // Sunday belongs to the week that started on Monday
    [InlineData("2027-01-01", "2026-12-28")] // across a year
    public void A_week_starts_on_its_Monday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday), Weeks.StartOf(DateOnly.Parse(day)));

    [Fact]
    public void Weeks_between_count_week_starts() =>
        Assert.Equal(2, Weeks.Between(new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 14)));
}
