using TsPmo.Sdk.Modules;

namespace TsPmo.Sdk.Tests.Modules;

public sealed class ModuleManifestTests
{
    private static ModuleManifest Manifest(string id, string name = "Demo", params string[] dependsOn) => new()
    {
        Id = id,
        Name = name,
        Version = new Version(1, 0),
        SupportedSdk = SdkRange.Parse("1.0"),
        Kind = ModuleKind.Capability,
        DependsOn = dependsOn,
    };

    [Theory]
    [InlineData("demo")]
    [InlineData("risk-register")]
    [InlineData("a")]
    [InlineData("scrum2")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")] // 32 characters
    public void Validate_accepts_a_lowercase_slug(string id) =>
        Assert.Empty(Manifest(id).Validate());

    [Theory]
    [InlineData("Demo")]
    [InlineData("DEMO")]
    [InlineData("my module")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")] // 33 characters
    [InlineData("1demo")]
    [InlineData("-demo")]
    [InlineData("demo_x")]
    [InlineData("demo.x")]
    [InlineData("")]
    [InlineData("demo\n")]
    public void Validate_refuses_an_id_that_is_not_a_slug(string id)
    {
        var error = Assert.Single(Manifest(id).Validate());
        Assert.Contains($"Module id '{id}'", error);
        Assert.False(ModuleManifest.IsValidId(id));
    }

    [Fact]
    public void Validate_refuses_a_module_depending_on_itself()
    {
        var error = Assert.Single(Manifest("demo", "Demo", "core", "demo").Validate());
        Assert.Contains("itself", error);
    }

    [Theory]
    [InlineData("Core")]
    [InlineData("risk register")]
    [InlineData("9lives")]
    public void Validate_refuses_a_dependency_that_is_not_a_module_id(string dependency)
    {
        var error = Assert.Single(Manifest("demo", "Demo", "core", dependency).Validate());
        Assert.Equal($"Dependency id '{dependency}' is not a module id.", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_requires_a_name(string name)
    {
        var error = Assert.Single(Manifest("demo", name).Validate());
        Assert.Equal("Module name is required.", error);
    }

    [Fact]
    public void Validate_reports_every_problem_at_once()
    {
        var errors = Manifest("Bad Id", "", "Other").Validate();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Module id 'Bad Id'", StringComparison.Ordinal));
        Assert.Contains("Module name is required.", errors);
        Assert.Contains("Dependency id 'Other' is not a module id.", errors);
    }
}
