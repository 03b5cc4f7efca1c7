using System.Globalization;
using System.Security.Claims;
using TsPmo.Core.Accounts;

namespace TsPmo.Host.Security;

/// <summary>The claims TsPmo puts in a cookie or derives from a bearer token.</summary>
public static class UserPrincipal
{
    public const string VersionClaim = "tspmo:version";

    public static ClaimsPrincipal Create(UserAccount user, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.DisplayName),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(VersionClaim, user.Version.ToString(CultureInfo.InvariantCulture)),
        ], scheme));
}
