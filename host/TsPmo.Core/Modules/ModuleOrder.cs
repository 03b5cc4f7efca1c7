namespace TsPmo.Core.Modules;

/// <summary>
/// Orders modules so each comes after its dependencies (stable: by id among equals). Modules in a
/// dependency cycle are faulted and placed last.
/// </summary>
public static class ModuleOrder
{
    public static IReadOnlyList<InstalledModule> Sort(IReadOnlyList<InstalledModule> modules)
    {
        var byId = modules.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var sorted = new List<InstalledModule>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = visiting, 2 = done
        var cyclic = new HashSet<string>(StringComparer.Ordinal);

        foreach (var module in modules.OrderBy(m => m.Id, StringComparer.Ordinal))
            Visit(module, []);

        foreach (var id in cyclic)
            byId[id].MarkFaulted("Its dependencies form a cycle: " + string.Join(" → ", CyclePath(byId, id)) + ".");
        return [.. sorted.Where(m => !cyclic.Contains(m.Id)), .. sorted.Where(m => cyclic.Contains(m.Id))];

        void Visit(InstalledModule module, List<string> path)
        {
            if (state.TryGetValue(module.Id, out var s))
            {
                if (s == 1) foreach (var id in path.SkipWhile(p => p != module.Id)) cyclic.Add(id);
                return;
            }
            state[module.Id] = 1;
            path.Add(module.Id);
            foreach (var dep in module.Manifest.DependsOn.Order(StringComparer.Ordinal))
                if (byId.TryGetValue(dep, out var d)) Visit(d, path);
            path.RemoveAt(path.Count - 1);
            state[module.Id] = 2;
            sorted.Add(module);
        }
    }

    private static IEnumerable<string> CyclePath(Dictionary<string, InstalledModule> byId, string start)
    {
        var seen = new List<string> { start };
        var current = start;
        while (true)
        {
            var next = byId[current].Manifest.DependsOn.FirstOrDefault(d => byId.ContainsKey(d) && Reaches(byId, d, start));
            if (next is null || next == start) { seen.Add(start); return seen; }
            if (seen.Contains(next)) return seen;
            seen.Add(next);
            current = next;
        }
    }

    private static bool Reaches(Dictionary<string, InstalledModule> byId, string from, string target)
    {
        var stack = new Stack<string>([from]);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (stack.TryPop(out var id))
        {
            if (id == target) return true;
            if (!visited.Add(id) || !byId.TryGetValue(id, out var m)) continue;
            foreach (var d in m.Manifest.DependsOn) stack.Push(d);
        }
        return false;
    }
}
