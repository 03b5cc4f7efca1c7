using System.Runtime.CompilerServices;

using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Waterfall.Engine.Scheduling;

/// <summary>
/// One scheduling run. Tasks become array indexes; links on summary tasks are expanded (a link *into* a summary
/// becomes a link into each of its leaf descendants; a link *out of* a summary leaves from its roll-up node, which
/// depends on all of its children), then a Kahn topological order drives the forward pass and its reverse the
/// backward pass. Moments are absolute minutes (<see cref="WorkingCalendar.ToMinutes"/>).
/// </summary>
internal sealed class CpmRun
{
    private const long Unset = long.MinValue;

    // Compiled calendars are reused between runs for the same definition instance (the services keep one per project).
    private static readonly ConditionalWeakTable<CalendarDefinition, WorkingCalendar> CalendarCache = [];

    private readonly PlanInput _input;
    private readonly IReadOnlyList<PlanTask> _tasks;
    private readonly int _n;
    private readonly WorkingCalendar _project;
    private readonly WorkingCalendar[] _calendar;
    private readonly int[] _parent;
    private readonly bool[] _summary;
    private readonly List<Edge>[] _in;
    private readonly List<Edge>[] _out;
    private readonly List<int>[] _children;

    private readonly long[] _es, _ef, _ls, _lf;
    private long _projectStart;
    private long _projectFinish;

    /// <summary>A link between two nodes; <see cref="Via"/> is the summary a link into a summary was aimed at (else −1).</summary>
    private readonly record struct Edge(int Pred, int Succ, LinkType Type, long Lag, LagUnit Unit, int Via = -1);

    // Per summary targeted by a link: the earliest actual start under it (Unset when nothing under it has started).
    private long[]? _summaryActualStart;

    public CpmRun(PlanInput input)
    {
        _input = input;
        _tasks = input.Tasks;
        _n = _tasks.Count;
        _project = CalendarFor(input.Calendar);
        _calendar = new WorkingCalendar[_n];
        _parent = new int[_n];
        _summary = new bool[_n];
        _in = new List<Edge>[_n];
        _out = new List<Edge>[_n];
        _children = new List<int>[_n];
        _es = new long[_n];
        _ef = new long[_n];
        _ls = new long[_n];
        _lf = new long[_n];
    }

    internal static WorkingCalendar CalendarFor(CalendarDefinition definition) =>
        CalendarCache.GetValue(definition, d => new WorkingCalendar(d));

    public Schedule Run()
    {
        var index = new Dictionary<long, int>(_n);
        for (var i = 0; i < _n; i++)
        {
            if (!index.TryAdd(_tasks[i].Id, i))
                throw new ArgumentException($"Task id {_tasks[i].Id} appears twice in the plan.", "input");
        }

        var taskCalendars = new Dictionary<string, WorkingCalendar>();
        for (var i = 0; i < _n; i++)
        {
            _in[i] = [];
            _out[i] = [];
            _children[i] = [];
            var t = _tasks[i];
            _parent[i] = t.ParentId is { } p && index.TryGetValue(p, out var pi) && pi != i ? pi : -1;
            _calendar[i] = _project;
            if (t.CalendarKey is { } key && _input.TaskCalendars.TryGetValue(key, out var def))
            {
                if (!taskCalendars.TryGetValue(key, out var cal)) taskCalendars[key] = cal = CalendarFor(def);
                _calendar[i] = cal;
            }
        }

        for (var i = 0; i < _n; i++)
        {
            if (_parent[i] < 0) continue;
            _summary[_parent[i]] = true;
            _children[_parent[i]].Add(i);
        }

        BuildEdges(index);
        var order = TopologicalOrder();

        _projectStart = _project.NextWorking(WorkingCalendar.ToMinutes(_input.ProjectStart));
        Forward(order);
        _projectFinish = Unset;
        var start = _projectStart;
        for (var i = 0; i < _n; i++)
        {
            if (_summary[i]) continue;
            _projectFinish = Math.Max(_projectFinish, _ef[i]);
            start = Math.Min(start, _es[i]);
        }

        if (_projectFinish == Unset) _projectFinish = _projectStart;
        Backward(order);

        if (PinAsLateAsPossible())
        {
            // As late as possible tasks sit on their late dates, so their successors move with them (within their own
            // float, so the project finish and every late date stay put); a second pass settles the early dates.
            Forward(order);
            Backward(order);
        }

        return Build(start);
    }

    private long[]? _pinnedStart;

    private bool PinAsLateAsPossible()
    {
        for (var i = 0; i < _n; i++)
        {
            var t = _tasks[i];
            if (_summary[i] || t.Constraint != ConstraintKind.AsLateAsPossible || t.ActualStart is not null || t.Manual) continue;
            if (_pinnedStart is null)
            {
                _pinnedStart = new long[_n];
                Array.Fill(_pinnedStart, Unset);
            }

            // Never earlier than the links allow: with negative float the early dates win.
            _pinnedStart[i] = Math.Max(_es[i], _ls[i]);
        }

        return _pinnedStart is not null;
    }

    // ---------------------------------------------------------------- graph

    private void BuildEdges(Dictionary<long, int> index)
    {
        List<int>?[] leavesCache = new List<int>?[_n];
        foreach (var link in _input.Links)
        {
            // A link naming a task that is not in the plan cannot constrain anything; the services validate ids.
            if (!index.TryGetValue(link.PredecessorId, out var pred) || !index.TryGetValue(link.SuccessorId, out var succ)) continue;
            if (!_summary[succ])
            {
                AddEdge(new Edge(pred, succ, link.Type, link.Lag, link.LagUnit));
                continue;
            }

            // A link into a summary applies to every task under it.
            var leaves = Leaves(succ, leavesCache);
            foreach (var leaf in leaves)
                AddEdge(new Edge(pred, leaf, link.Type, link.Lag, link.LagUnit, succ));
            if (_summaryActualStart is null)
            {
                _summaryActualStart = new long[_n];
                Array.Fill(_summaryActualStart, Unset);
            }

            foreach (var leaf in leaves)
            {
                if (_tasks[leaf].ActualStart is not { } started) continue;
                var at = WorkingCalendar.ToMinutes(started);
                if (_summaryActualStart[succ] == Unset || at < _summaryActualStart[succ]) _summaryActualStart[succ] = at;
            }
        }
    }

    private void AddEdge(Edge e)
    {
        _out[e.Pred].Add(e);
        _in[e.Succ].Add(e);
    }

    private List<int> Leaves(int summary, List<int>?[] cache)
    {
        if (cache[summary] is { } known) return known;
        var leaves = new List<int>();
        foreach (var child in _children[summary])
        {
            if (_summary[child]) leaves.AddRange(Leaves(child, cache));
            else leaves.Add(child);
        }

        return cache[summary] = leaves;
    }

    /// <summary>Kahn's algorithm over link edges plus child → parent roll-up edges; throws on a cycle.</summary>
    private int[] TopologicalOrder()
    {
        var indegree = new int[_n];
        for (var i = 0; i < _n; i++)
        {
            indegree[i] = _in[i].Count + _children[i].Count;
        }

        var order = new int[_n];
        int head = 0, tail = 0;
        for (var i = 0; i < _n; i++)
            if (indegree[i] == 0) order[tail++] = i;

        while (head < tail)
        {
            var node = order[head++];
            foreach (var e in _out[node])
                if (--indegree[e.Succ] == 0) order[tail++] = e.Succ;
            var parent = _parent[node];
            if (parent >= 0 && --indegree[parent] == 0) order[tail++] = parent;
        }

        if (tail < _n) throw new DependencyCycleException(FindCycle(indegree));
        return order;
    }

    /// <summary>
    /// Every node left over by Kahn still has an unprocessed predecessor, so walking predecessors from any of them
    /// must revisit a node: that loop, reversed, is a cycle in link order.
    /// </summary>
    private List<string> FindCycle(int[] indegree)
    {
        var start = Array.FindIndex(indegree, d => d > 0);
        var seenAt = new Dictionary<int, int>();
        var walk = new List<int>();
        var node = start;
        while (!seenAt.ContainsKey(node))
        {
            seenAt[node] = walk.Count;
            walk.Add(node);
            node = UnprocessedPredecessor(node, indegree);
        }

        var cycle = walk.GetRange(seenAt[node], walk.Count - seenAt[node]);
        cycle.Reverse();
        return cycle.ConvertAll(i => _tasks[i].Name);
    }

    private int UnprocessedPredecessor(int node, int[] indegree)
    {
        foreach (var e in _in[node])
            if (indegree[e.Pred] > 0) return e.Pred;
        foreach (var c in _children[node])
            if (indegree[c] > 0) return c;
        throw new InvalidOperationException("Cycle walk lost its way."); // unreachable by construction
    }

    // ---------------------------------------------------------------- forward pass

    private void Forward(int[] order)
    {
        foreach (var i in order)
        {
            if (_summary[i])
            {
                long es = long.MaxValue, ef = long.MinValue;
                foreach (var c in _children[i])
                {
                    es = Math.Min(es, _es[c]);
                    ef = Math.Max(ef, _ef[c]);
                }

                _es[i] = es;
                _ef[i] = ef;
                continue;
            }

            ScheduleLeaf(i);
        }
    }

    private void ScheduleLeaf(int i)
    {
        var t = _tasks[i];
        var cal = _calendar[i];

        if (t.ActualStart is { } actualStart)
        {
            // Progress is history: the task keeps its actual dates and drives its successors from there.
            _es[i] = WorkingCalendar.ToMinutes(actualStart);
            _ef[i] = t.ActualFinish is { } af ? WorkingCalendar.ToMinutes(af) : Finish(i, _es[i]);
            if (_ef[i] < _es[i]) _ef[i] = _es[i];
            return;
        }

        if (t.Manual && (t.ManualStart is not null || t.ManualFinish is not null))
        {
            if (t.ManualStart is { } ms)
            {
                _es[i] = WorkingCalendar.ToMinutes(ms);
                _ef[i] = t.ManualFinish is { } mf ? WorkingCalendar.ToMinutes(mf) : Finish(i, _es[i]);
            }
            else
            {
                _ef[i] = WorkingCalendar.ToMinutes(t.ManualFinish!.Value);
                _es[i] = StartFromFinish(i, _ef[i]);
            }

            if (_ef[i] < _es[i]) _ef[i] = _es[i];
            return;
        }

        // Floors from the project start, links and constraints; caps from the "no later than" constraints.
        var esFloor = _projectStart;
        var efFloor = Unset;
        foreach (var e in _in[i])
        {
            switch (e.Type)
            {
                case LinkType.FinishToStart: esFloor = Math.Max(esFloor, LagFrom(e, _ef[e.Pred])); break;
                case LinkType.StartToStart: esFloor = Math.Max(esFloor, LagFrom(e, _es[e.Pred])); break;
                case LinkType.FinishToFinish: efFloor = Math.Max(efFloor, LagFrom(e, _ef[e.Pred])); break;
                case LinkType.StartToFinish: efFloor = Math.Max(efFloor, LagFrom(e, _es[e.Pred])); break;
            }
        }

        long fixedStart = Unset, fixedFinish = Unset, esCap = long.MaxValue, efCap = long.MaxValue;
        var honor = _input.HonorConstraintDates;
        for (var k = i; k >= 0; k = _parent[k])
        {
            // A constraint on a summary task applies to every task under it.
            var owner = _tasks[k];
            if (owner.ConstraintDate is not { } date) continue;
            switch (owner.Constraint)
            {
                case ConstraintKind.StartNoEarlierThan: esFloor = Math.Max(esFloor, StartMoment(cal, date)); break;
                case ConstraintKind.FinishNoEarlierThan: efFloor = Math.Max(efFloor, FinishMoment(cal, date)); break;
                case ConstraintKind.StartNoLaterThan when honor: esCap = Math.Min(esCap, StartMoment(cal, date)); break;
                case ConstraintKind.FinishNoLaterThan when honor: efCap = Math.Min(efCap, FinishMoment(cal, date)); break;
                case ConstraintKind.MustStartOn when k == i && honor: fixedStart = StartMoment(cal, date); break;
                case ConstraintKind.MustFinishOn when k == i && honor: fixedFinish = FinishMoment(cal, date); break;
                case ConstraintKind.MustFinishOn when k == i: efFloor = Math.Max(efFloor, FinishMoment(cal, date)); break;
                case ConstraintKind.MustStartOn: esFloor = Math.Max(esFloor, StartMoment(cal, date)); break;
                case ConstraintKind.MustFinishOn: efCap = Math.Min(efCap, FinishMoment(cal, date)); break;
            }
        }

        long es, ef;
        if (_pinnedStart is not null && _pinnedStart[i] != Unset)
        {
            es = Math.Max(_pinnedStart[i], StartOf(i, esFloor));
            ef = Finish(i, es);
        }
        else if (fixedStart != Unset)
        {
            // Microsoft Project honours constraint dates over links by default: a must-start-on task sits on its date.
            es = fixedStart;
            ef = Finish(i, es);
        }
        else if (fixedFinish != Unset)
        {
            ef = fixedFinish;
            es = StartFromFinish(i, ef);
        }
        else
        {
            es = StartOf(i, esFloor);
            ef = Finish(i, es);
            if (efFloor != Unset && efFloor > ef)
            {
                // Finish-driven (FF/SF/FNET): the finish sits exactly on the driving moment, even 08:00 of the next day.
                ef = efFloor;
                es = StartFromFinish(i, ef);
            }

            if (t.LevelingDelayMinutes > 0)
            {
                // A levelled task starts its delay after where the links put it.
                var delayed = t.LevelingDelayElapsed ? es + t.LevelingDelayMinutes : cal.Add(es, t.LevelingDelayMinutes);
                es = StartOf(i, delayed);
                ef = Finish(i, es);
            }

            if (esCap < es)
            {
                es = StartOf(i, esCap);
                ef = Finish(i, es);
            }

            if (efCap < ef)
            {
                ef = efCap;
                es = StartFromFinish(i, ef);
            }
        }

        _es[i] = es;
        _ef[i] = Math.Max(ef, es);
    }

    // ---------------------------------------------------------------- backward pass

    private void Backward(int[] order)
    {
        for (var o = order.Length - 1; o >= 0; o--)
        {
            var i = order[o];
            var t = _tasks[i];
            var cal = _calendar[i];
            var lf = _projectFinish;
            var lsCap = long.MaxValue;

            foreach (var e in _out[i])
            {
                switch (e.Type)
                {
                    case LinkType.FinishToStart: lf = Math.Min(lf, LagBack(e, SeenLateStart(e))); break;
                    case LinkType.FinishToFinish: lf = Math.Min(lf, LagBack(e, _lf[e.Succ])); break;
                    case LinkType.StartToStart: lsCap = Math.Min(lsCap, LagBack(e, SeenLateStart(e))); break;
                    case LinkType.StartToFinish: lsCap = Math.Min(lsCap, LagBack(e, _lf[e.Succ])); break;
                }
            }

            // The summary's roll-up finish is the latest of its children's, so no child may finish after it.
            if (_parent[i] >= 0) lf = Math.Min(lf, _lf[_parent[i]]);

            if (t.ConstraintDate is { } date)
            {
                switch (t.Constraint)
                {
                    case ConstraintKind.MustStartOn:
                    case ConstraintKind.StartNoLaterThan: lsCap = Math.Min(lsCap, StartMoment(cal, date)); break;
                    case ConstraintKind.MustFinishOn:
                    case ConstraintKind.FinishNoLaterThan: lf = Math.Min(lf, FinishMoment(cal, date)); break;
                }
            }

            // Microsoft Project lets a deadline pull the late finish in, so a task that would miss it shows negative slack.
            if (t.Deadline is { } deadline) lf = Math.Min(lf, FinishMoment(cal, deadline));

            if (_summary[i])
            {
                // Start caps on a summary (SS/SF successors, SNLT/MSO) become finish caps through its rolled-up span.
                var span = _project.Between(_es[i], _ef[i]);
                if (lsCap != long.MaxValue) lf = Math.Min(lf, _project.Add(_project.NextWorking(lsCap), span));
                _lf[i] = _project.PreviousWorkingEndMinute(lf);
                _ls[i] = _project.Add(_lf[i], -span);
                continue;
            }

            var finish = cal.PreviousWorkingEndMinute(lf);
            var startLate = StartFromFinish(i, finish);
            if (lsCap < startLate)
            {
                startLate = StartOf(i, lsCap);
                finish = Finish(i, startLate);
            }

            // A started task's start is history: its late start is the actual start; a finished one's late finish is
            // its actual finish (no slack left to use), as Microsoft Project shows them.
            _lf[i] = t.ActualFinish is not null ? _ef[i] : finish;
            _ls[i] = t.ActualStart is not null ? _es[i] : startLate;
        }
    }

    /// <summary>
    /// The successor start a predecessor must finish by. Microsoft Project measures against what is left: a started
    /// task's remaining work must start by its late finish minus the remaining duration; a started summary (a link
    /// into it) cannot start later than it did, so a predecessor finishing after that shows negative slack.
    /// </summary>
    private long SeenLateStart(in Edge e)
    {
        if (e.Via >= 0 && _summaryActualStart is { } started && started[e.Via] != Unset) return started[e.Via];
        var s = e.Succ;
        var t = _tasks[s];
        if (t.ActualStart is null || t.ActualFinish is not null || _summary[s]) return _ls[s];
        var remaining = (long)Math.Round(Span(s) * (double)(100m - Math.Clamp(t.PercentComplete, 0m, 100m)) / 100.0, MidpointRounding.AwayFromZero);
        return t.ElapsedDuration ? _lf[s] - remaining : _calendar[s].Add(_lf[s], -remaining);
    }

    // ---------------------------------------------------------------- results

    private Schedule Build(long start)
    {
        var result = new ScheduledTask[_n];
        for (var i = 0; i < _n; i++)
        {
            if (_summary[i]) continue;
            var t = _tasks[i];
            var finishFloat = _project.Between(_ef[i], _lf[i]);
            var total = t.ActualStart is not null ? finishFloat : Math.Min(_project.Between(_es[i], _ls[i]), finishFloat);
            var free = Math.Max(0, Math.Min(total, FreeFloat(i)));
            var done = t.ActualFinish is not null || t.PercentComplete >= 100m;
            result[i] = new ScheduledTask(
                t.Id,
                WorkingCalendar.ToDateTime(_es[i]), WorkingCalendar.ToDateTime(_ef[i]),
                WorkingCalendar.ToDateTime(_ls[i]), WorkingCalendar.ToDateTime(_lf[i]),
                total, free, total <= 0 && !done, false, DeadlineMissed(i));
        }

        // Summaries roll up late dates too; children come after their parent in outline order, so go backwards.
        var summaryLs = new long[_n];
        var summaryLf = new long[_n];
        for (var i = _n - 1; i >= 0; i--)
        {
            if (!_summary[i]) continue;
            long ls = long.MaxValue, lf = long.MinValue;
            foreach (var c in _children[i])
            {
                ls = Math.Min(ls, _summary[c] ? summaryLs[c] : _ls[c]);
                lf = Math.Max(lf, _summary[c] ? summaryLf[c] : _lf[c]);
            }

            summaryLs[i] = ls;
            summaryLf[i] = lf;
            var t = _tasks[i];
            var total = Math.Min(_project.Between(_es[i], ls), _project.Between(_ef[i], lf));
            result[i] = new ScheduledTask(
                t.Id,
                WorkingCalendar.ToDateTime(_es[i]), WorkingCalendar.ToDateTime(_ef[i]),
                WorkingCalendar.ToDateTime(ls), WorkingCalendar.ToDateTime(lf),
                total, Math.Max(0, Math.Min(total, FreeFloat(i))), total <= 0 && t.PercentComplete < 100m, true, DeadlineMissed(i));
        }

        var critical = new List<int>();
        for (var i = 0; i < _n; i++)
            if (!_summary[i] && result[i].Critical) critical.Add(i);
        critical.Sort((a, b) => _es[a] != _es[b] ? _es[a].CompareTo(_es[b]) : a.CompareTo(b));

        return new Schedule(
            WorkingCalendar.ToDateTime(start), WorkingCalendar.ToDateTime(_projectFinish),
            result, critical.ConvertAll(i => _tasks[i].Id));
    }

    /// <summary>Slack before the first successor moves, over the task's own links and those of the summaries above it.</summary>
    private long FreeFloat(int i)
    {
        var free = long.MaxValue;
        var any = false;
        for (var k = i; k >= 0; k = _parent[k])
        {
            foreach (var e in _out[k])
            {
                any = true;
                var gap = e.Type switch
                {
                    LinkType.FinishToStart => _project.Between(LagFrom(e, _ef[i]), _es[e.Succ]),
                    LinkType.StartToStart => _project.Between(LagFrom(e, _es[i]), _es[e.Succ]),
                    LinkType.FinishToFinish => _project.Between(LagFrom(e, _ef[i]), _ef[e.Succ]),
                    _ => _project.Between(LagFrom(e, _es[i]), _ef[e.Succ]),
                };
                free = Math.Min(free, gap);
            }
        }

        return any ? free : _project.Between(_ef[i], _projectFinish);
    }

    private bool DeadlineMissed(int i) =>
        _tasks[i].Deadline is { } d && _ef[i] > FinishMoment(_calendar[i], d);

    // ---------------------------------------------------------------- moment helpers

    private long Duration(int i) => Math.Max(0, _tasks[i].DurationMinutes);

    /// <summary>A task starts at the next working moment — except a zero-duration one, which sits where it is driven (17:00 after an FS link).</summary>
    private long StartOf(int i, long at) => Span(i) == 0 ? at : _calendar[i].NextWorking(at);

    /// <summary>The working time from start to finish: the duration, or the span a file's timephased work gave it (splits).</summary>
    private long Span(int i) => _tasks[i] is { ElapsedDuration: false, WorkSpanMinutes: > 0 and var span } ? span : Duration(i);

    private long Finish(int i, long start)
    {
        var d = Span(i);
        if (d == 0) return start;
        return _tasks[i].ElapsedDuration ? start + d : _calendar[i].Add(start, d);
    }

    private long StartFromFinish(int i, long finish)
    {
        var d = Span(i);
        if (d == 0) return finish;
        return _tasks[i].ElapsedDuration ? finish - d : _calendar[i].Add(finish, -d);
    }

    /// <summary>The predecessor-side moment plus the link's lag (lead when negative), in the project calendar.</summary>
    private long LagFrom(in Edge e, long at) => e.Lag == 0 ? at : ApplyLag(e, at, e.Lag);

    private long LagBack(in Edge e, long at) => e.Lag == 0 ? at : ApplyLag(e, at, -e.Lag);

    private long ApplyLag(in Edge e, long at, long lag) => e.Unit switch
    {
        LagUnit.ElapsedMinutes => at + lag,
        LagUnit.PercentOfPredecessor => _project.Add(at, (long)Math.Round(lag * (double)PredecessorMinutes(e.Pred) / 100.0, MidpointRounding.AwayFromZero)),
        _ => _project.Add(at, lag),
    };

    private long PredecessorMinutes(int pred) =>
        _summary[pred] ? _project.Between(_es[pred], _ef[pred]) : Duration(pred);

    /// <summary>A start-type constraint date: at its time, moved to the next working moment.</summary>
    private static long StartMoment(WorkingCalendar cal, DateTime date) => cal.NextWorking(WorkingCalendar.ToMinutes(date));

    /// <summary>
    /// A finish-type date (constraint or deadline). A bare date (00:00) means the end of that day's work, as
    /// Microsoft Project reads a date typed without a time; otherwise the last working end at or before it.
    /// </summary>
    private static long FinishMoment(WorkingCalendar cal, DateTime date)
    {
        var at = WorkingCalendar.ToMinutes(date);
        if (date.TimeOfDay == TimeSpan.Zero) at += 1440;
        return cal.PreviousWorkingEndMinute(at);
    }
}
