using System.Globalization;

namespace TsPmo.Sdk.Data;

/// <summary>
/// How instants are stored: UTC round-trip text that sorts as text, so SQL can compare and order them.
/// The host's Dapper handlers write <see cref="DateTimeOffset"/> parameters in this form already; use this when
/// building a value by hand (a batch insert, a computed bound).
/// </summary>
public static class StoredTime
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
