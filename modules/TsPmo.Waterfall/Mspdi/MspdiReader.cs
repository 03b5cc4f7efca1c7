namespace TsPmo.Waterfall.Mspdi;

/// <summary>Reads Microsoft Project XML (MSPDI, Project 2002 to 2019 dialects). CONTRACT: signature fixed.</summary>
public static class MspdiReader
{
    /// <exception cref="MspdiFormatException">Malformed XML, not an MSPDI document, or an unusable plan.</exception>
    public static MspdiProject Read(Stream xml) => throw new NotImplementedException();
}
