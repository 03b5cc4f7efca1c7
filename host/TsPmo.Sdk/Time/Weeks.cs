namespace TsPmo.Sdk.Time;

/// <summary>Weeks as TsPmo counts them everywhere (capacity, demand, throughput, charts): ISO weeks, Monday first.</summary>
public static class Weeks
{
    /// <summary>The Monday that starts the week of <paramref name="day"/>.</summary>
    public static DateOnly StartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Whole weeks from the week of <paramref name="from"/> to the week of <paramref name="to"/> (0 for the same week).</summary>
    public static int Between(DateOnly from, DateOnly to) => (StartOf(to).DayNumber - StartOf(from).DayNumber) / 7;
}
