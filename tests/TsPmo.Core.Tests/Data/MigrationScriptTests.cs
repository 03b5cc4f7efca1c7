using TsPmo.Core.Data;

namespace TsPmo.Core.Tests.Data;

public sealed class MigrationScriptTests
{
    [Fact]
    public void FromAssembly_finds_cores_own_init_script()
    {
        var scripts = MigrationScript.FromAssembly(typeof(MigrationRunner).Assembly, "core");

        var init = Assert.Single(scripts, s => s.Name == "0001_init.sql");
        Assert.Equal("core", init.ModuleId);
        Assert.Contains("CREATE TABLE core_user", init.Sql);
        Assert.Equal(scripts.Select(s => s.Name).Order(StringComparer.Ordinal), scripts.Select(s => s.Name));
    }

    [Fact]
    public void FromAssembly_finds_nothing_in_another_folder() =>
        Assert.Empty(MigrationScript.FromAssembly(typeof(MigrationRunner).Assembly, "core", "NoSuchFolder"));

    [Fact]
    public void Checksum_ignores_crlf_versus_lf()
    {
        var lf = new MigrationScript("demo", "0001_init.sql", "CREATE TABLE demo_a (id INTEGER);\nCREATE TABLE demo_b (id INTEGER);\n");
        var crlf = new MigrationScript("demo", "0001_init.sql", "CREATE TABLE demo_a (id INTEGER);\r\nCREATE TABLE demo_b (id INTEGER);\r\n");

        Assert.Equal(lf.Checksum, crlf.Checksum);
    }

    [Fact]
    public void Checksum_changes_with_the_text()
    {
        var a = new MigrationScript("demo", "0001_init.sql", "CREATE TABLE demo_a (id INTEGER);");
        var b = new MigrationScript("demo", "0001_init.sql", "CREATE TABLE demo_a (id INTEGER, x TEXT);");

        Assert.NotEqual(a.Checksum, b.Checksum);
        Assert.Matches("^[0-9a-f]{64}$", a.Checksum);
    }

    [Fact]
    public void Checksum_follows_the_text_of_a_copy_made_with_with()
    {
        var original = new MigrationScript("demo", "0001_init.sql", "CREATE TABLE demo_a (id INTEGER);");
        var edited = original with { Sql = "CREATE TABLE demo_a (id INTEGER, x TEXT);" };

        Assert.Equal(new MigrationScript("demo", "0001_init.sql", edited.Sql).Checksum, edited.Checksum);
        Assert.NotEqual(original.Checksum, edited.Checksum);
    }
}
