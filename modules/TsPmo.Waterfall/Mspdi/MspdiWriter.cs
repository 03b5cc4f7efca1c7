using TsPmo.Waterfall.Scheduling;

namespace TsPmo.Waterfall.Mspdi;

/// <summary>Writes MSPDI that Microsoft Project and ProjectLibre open. CONTRACT: signature fixed.</summary>
public static class MspdiWriter
{
    /// <summary>Writes <paramref name="project"/>; task Start/Finish come from <paramref name="schedule"/> (same task ids).</summary>
    public static void Write(MspdiProject project, Schedule schedule, Stream output) => throw new NotImplementedException();
}
