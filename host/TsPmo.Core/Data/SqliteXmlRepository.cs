using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.Data;

/// <summary>
/// Data-protection keys (which sign cookies and antiforgery tokens) kept in the database, so a restart or a
/// second host behind a load balancer can read cookies the first one issued.
/// </summary>
public sealed class SqliteXmlRepository(IDbConnectionFactory connections) : IXmlRepository
{
    // IXmlRepository is synchronous; Microsoft.Data.Sqlite completes its async calls synchronously anyway.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = connections.OpenAsync().GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM core_dataprotection_key").Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = connections.OpenAsync().GetAwaiter().GetResult();
        connection.Execute(
            "INSERT INTO core_dataprotection_key (friendly_name, xml) VALUES (@friendlyName, @xml) ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
