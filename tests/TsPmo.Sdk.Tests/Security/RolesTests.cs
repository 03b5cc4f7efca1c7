using TsPmo.Sdk.Security;

namespace TsPmo.Sdk.Tests.Security;

public sealed class RolesTests
{
    [Theory]
    [InlineData("Admin")]
    [InlineData("PMO")]
    [InlineData("ProjectManager")]
    [InlineData("Member")]
    [InlineData("Viewer")]
    public void IsKnown_accepts_every_role(string role) => Assert.True(Roles.IsKnown(role));

    [Theory]
    [InlineData("admin")]
    [InlineData("Pmo")]
    [InlineData("Admin ")]
    [InlineData("Owner")]
    [InlineData("")]
    public void IsKnown_refuses_other_text_including_other_casing(string role) => Assert.False(Roles.IsKnown(role));

    [Fact]
    public void All_lists_the_roles_most_powerful_first() =>
        Assert.Equal(["Admin", "PMO", "ProjectManager", "Member", "Viewer"], Roles.All);
}
