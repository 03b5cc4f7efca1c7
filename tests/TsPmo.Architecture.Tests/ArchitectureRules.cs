using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace TsPmo.Architecture.Tests;

/// <summary>
/// The rules that keep TsPmo's shape (docs/architecture.md, "Fitness functions"), each a function from a compiled
/// assembly to the list of its violations, so a test can show both that the real assemblies keep a rule and that the
/// rule catches a deliberate violation. Assemblies are read from their files (Mono.Cecil), never loaded.
/// </summary>
public static partial class ArchitectureRules
{
    /// <summary>
    /// TsPmo assemblies <paramref name="assemblyPath"/> may reference: a module references the SDK only (never Core, the
    /// host or another module); the SDK references nothing of TsPmo.
    /// </summary>
    public static IReadOnlyList<string> ReferencesOnly(string assemblyPath, params string[] allowedTsPmoAssemblies)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        return assembly.MainModule.AssemblyReferences
            .Where(r => r.Name.StartsWith("TsPmo.", StringComparison.Ordinal) && !allowedTsPmoAssemblies.Contains(r.Name))
            .Select(r => $"{assembly.Name.Name} references {r.Name}")
            .ToList();
    }

    /// <summary>Every project page (route under <c>/Projects/{id}</c>) has a model deriving from the SDK's <c>ProjectPageModel</c>.</summary>
    public static IReadOnlyList<string> ProjectPagesDeriveFromTheSdkBase(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath, ReaderParameters(assemblyPath));
        var violations = new List<string>();
        foreach (var page in assembly.MainModule.Types)
        {
            var route = page.CustomAttributes
                .Where(a => a.AttributeType.Name == "RazorCompiledItemMetadataAttribute" && a.ConstructorArguments.Count == 2
                            && (string)a.ConstructorArguments[0].Value == "RouteTemplate")
                .Select(a => (string)a.ConstructorArguments[1].Value).FirstOrDefault();
            if (route is null || !route.StartsWith("/Projects/{id", StringComparison.OrdinalIgnoreCase)) continue;
            var model = page.Properties.FirstOrDefault(p => p.Name == "Model")?.PropertyType.Resolve();
            if (model is null || !DerivesFrom(model, "TsPmo.Sdk.Web.ProjectPageModel"))
                violations.Add($"{route}: {model?.FullName ?? page.FullName} does not derive from TsPmo.Sdk.Web.ProjectPageModel");
        }
        return violations;
    }

    /// <summary>Every type implementing an SDK port (<c>TsPmo.Sdk.Ports.*</c>, recurring jobs) lives under <c>Contributions/</c>.</summary>
    public static IReadOnlyList<string> PortImplementationsLiveInContributions(string assemblyPath)
    {
        var types = Types.FromFile(assemblyPath);
        var ports = typeof(TsPmo.Sdk.SdkInfo).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.IsPublic && (t.Namespace?.StartsWith("TsPmo.Sdk.Ports", StringComparison.Ordinal) == true || t == typeof(TsPmo.Sdk.Jobs.IRecurringJob)))
            .ToList();
        var violations = new List<string>();
        foreach (var port in ports)
        {
            var result = types.That().ImplementInterface(port).Should().ResideInNamespaceContaining(".Contributions").GetResult();
            if (!result.IsSuccessful)
                violations.AddRange(result.FailingTypeNames.Select(t => $"{t} implements {port.Name} outside Contributions/"));
        }
        return violations;
    }

    /// <summary>
    /// No SQL text in the assembly names a table of another owner: a string that names <c>core_*</c> or another module's
    /// <c>&lt;id&gt;_*</c> table, where <paramref name="owners"/> are core's and every module's table prefixes.
    /// </summary>
    public static IReadOnlyList<string> SqlNamesOnlyOwnTables(string assemblyPath, string ownPrefix, IReadOnlyCollection<string> owners)
    {
        var foreign = new Regex(@"\b(" + string.Join("|", owners.Where(o => o != ownPrefix).Select(Regex.Escape)) + @")_[a-z][a-z_]*\b", RegexOptions.CultureInvariant);
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.MainModule.GetTypes())
            foreach (var method in type.Methods.Where(m => m.HasBody))
                foreach (var instruction in method.Body.Instructions.Where(i => i.OpCode == OpCodes.Ldstr))
                    if (instruction.Operand is string text && LooksLikeSql(text) && foreign.Match(text) is { Success: true } m)
                        violations.Add($"{type.FullName}.{method.Name} names {m.Value}");
        foreach (var type in assembly.MainModule.GetTypes())
            foreach (var field in type.Fields.Where(f => f.HasConstant && f.Constant is string))
                if (LooksLikeSql((string)field.Constant) && foreign.Match((string)field.Constant) is { Success: true } m)
                    violations.Add($"{type.FullName}.{field.Name} names {m.Value}");
        return violations.ToList();
    }

    private static bool LooksLikeSql(string text) => SqlWord().IsMatch(text);

    [GeneratedRegex(@"\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|CREATE|ALTER)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SqlWord();

    private static bool DerivesFrom(TypeDefinition type, string baseName)
    {
        for (var t = type; t is not null; t = t.BaseType?.Resolve())
            if (t.FullName == baseName) return true;
        return false;
    }

    private static ReaderParameters ReaderParameters(string assemblyPath)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(assemblyPath)!);
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).Assembly.Location)!);
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        return new ReaderParameters { AssemblyResolver = resolver };
    }
}
