namespace TsPmo.Waterfall.Engine.Mspdi;

/// <summary>The input is not well-formed XML, not MSPDI, or breaks a rule the plan needs; the message says which and where.</summary>
public sealed class MspdiFormatException(string message) : Exception(message);
