using TsPmo.Sdk.Data;

namespace TsPmo.Sdk.Web;

/// <summary>
/// Reads an upload with a cap on the bytes actually read, not on the Content-Length a client declared: a chunked
/// body has none, so a check of the header alone lets any size through.
/// </summary>
public static class BoundedBody
{
    /// <summary>
    /// The whole stream in memory, positioned at the start; past <paramref name="maxBytes"/> a 400 naming
    /// <paramref name="field"/> with <paramref name="tooLarge"/>, with the rest left unread.
    /// </summary>
    public static async Task<MemoryStream> ReadAsync(Stream body, long maxBytes, string field, string tooLarge, CancellationToken ct = default)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                throw new DomainValidationException(field, tooLarge);
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }
}
