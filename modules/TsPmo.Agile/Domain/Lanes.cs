namespace TsPmo.Agile.Domain;

/// <summary>Swimlanes: Standard is always drawn; the others only while they hold cards.</summary>
public static class Lanes
{
    public static IReadOnlyList<ClassOfService> InUse(IReadOnlyList<Card> cards) =>
        Enum.GetValues<ClassOfService>().Where(c => c == ClassOfService.Standard || cards.Any(card => card.ClassOfService == c)).ToList();

    public static string Label(ClassOfService c) => c switch
    {
        ClassOfService.FixedDate => "Fixed date",
        _ => c.ToString(),
    };
}
