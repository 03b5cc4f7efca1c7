using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace TsPmo.Host.Tests;

/// <summary>The keys in the database are encrypted with a certificate kept outside it.</summary>
public sealed partial class DataProtectionKeyTests
{
    /// <summary>Signs in with raw HTTP and returns the auth cookie as "name=value", to replay on another host.</summary>
    private static async Task<string> SignInCookieAsync(TsPmoFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/Account/Login");
        var antiforgery = CookiePair(page, "tspmo.af");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = TsPmoFactory.AdminEmail, ["Input.Password"] = TsPmoFactory.AdminPassword, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return CookiePair(signedIn, "tspmo.auth");
    }

    private static string CookiePair(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    private static async Task<HttpStatusCode> HomeWithCookieAsync(TsPmoFactory factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Stored_keys_are_encrypted_and_a_second_host_with_the_same_certificate_reads_the_first_hosts_cookies()
    {
        using var first = new TsPmoFactory();
        var cookie = await SignInCookieAsync(first);

        await using (var db = new SqliteConnection(first.ConnectionString))
        {
            var keys = (await db.QueryAsync<string>("SELECT xml FROM core_dataprotection_key")).ToList();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml);
                Assert.Contains("EncryptedData", xml);
                // The raw key would be a <masterKey> element with its <value> in the clear.
                Assert.DoesNotContain("<masterKey", xml);
            });
        }
        var certificate = Path.Combine(first.Root, "keys", "dataprotection.pfx");
        Assert.True(File.Exists(certificate));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificate));

        // Same database, same certificate (found beside the database): the cookie is good there too.
        using var second = new TsPmoFactory { Settings = new Dictionary<string, string?> { ["ConnectionStrings:TsPmo"] = first.ConnectionString } };
        Assert.Equal(HttpStatusCode.OK, await HomeWithCookieAsync(second, cookie));

        // Same database, another certificate: the stored keys cannot be read, so neither can the cookie.
        using var stranger = new TsPmoFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:TsPmo"] = first.ConnectionString,
                ["DataProtection:CertificatePath"] = Path.Combine(first.Root, "elsewhere", "other.pfx"),
            },
        };
        Assert.Equal(HttpStatusCode.Redirect, await HomeWithCookieAsync(stranger, cookie));
        Assert.True(File.Exists(Path.Combine(first.Root, "elsewhere", "other.pfx")));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
