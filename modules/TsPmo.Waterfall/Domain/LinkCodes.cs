using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Domain;

/// <summary>Microsoft Project's two-letter link codes (FS, SS, FF, SF), used by the API and the predecessor column.</summary>
public static class LinkCodes
{
    public static string Code(LinkType type) => type switch
    {
        LinkType.StartToStart => "SS",
        LinkType.FinishToFinish => "FF",
        LinkType.StartToFinish => "SF",
        _ => "FS",
    };

    public static bool TryParse(string? text, out LinkType type)
    {
        type = LinkType.FinishToStart;
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "" or "FS" or "FINISHTOSTART": return true;
            case "SS" or "STARTTOSTART": type = LinkType.StartToStart; return true;
            case "FF" or "FINISHTOFINISH": type = LinkType.FinishToFinish; return true;
            case "SF" or "STARTTOFINISH": type = LinkType.StartToFinish; return true;
            default: return false;
        }
    }
}
