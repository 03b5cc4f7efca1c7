using System.Globalization;
using Dapper;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Forecasting;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;
using TsPmo.Agile.Data;
using TsPmo.Agile.Domain;
using TsPmo.Agile.Engine;

namespace TsPmo.Agile.Services;

/// <summary>
/// Flow metrics, forecasts and history import for one Kanban project: loads the cards and moves once, then
/// hands them to the pure engines.
/// </summary>
public sealed class FlowService(
    IDbConnectionFactory connections,
    IUnitOfWork work,
    IProjectDirectory projects,
    BoardService board,
    IProjectPermissions permissions,
    IOrganizationClock clock,
    ForecastRandom random)
{
    /// <summary>The forecast settings; <see cref="Version"/> is 0 until they are first saved, and a save that sends one is checked against it.</summary>
    public sealed record FlowSettings(int Trials, int HistoryWeeks, long? Version = null);

    public sealed record ImportSummary(int Imported, int Done, int InProgress);

    public async Task<FlowSettings> SettingsAsync(long projectId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await ReadSettingsAsync(connection, null, projectId);
    }

    public async Task SaveSettingsAsync(long projectId, FlowSettings settings, CancellationToken ct = default)
    {
        var project = await projects.RequireAsync(projectId, AgileModule.Id, ct);
        await permissions.DemandAsync(projectId, AgileModule.ManageBoard, ct);
        var errors = new Dictionary<string, string[]>();
        if (settings.Trials is < 100 or > 100_000) errors["trials"] = ["Run 100 to 100,000 trials."];
        if (settings.HistoryWeeks is < 4 or > 260) errors["historyWeeks"] = ["Use 4 to 260 weeks of history."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        await using var w = await work.BeginAsync(AgileModule.Id, projectId, ct);
        var before = await ReadSettingsAsync(w.Connection, w.Transaction, projectId);
        WriteScope.CheckVersion(settings.Version, before.Version ?? 0, "The forecast configuration of", project.Code);
        await w.ExecuteAsync("""
            INSERT INTO agile_settings (project_id, forecast_trials, history_weeks) VALUES (@projectId, @Trials, @HistoryWeeks)
            ON CONFLICT (project_id) DO UPDATE SET forecast_trials = excluded.forecast_trials, history_weeks = excluded.history_weeks,
                version = agile_settings.version + 1
            """, new { projectId, settings.Trials, settings.HistoryWeeks }, ct);
        await w.AuditAsync("forecast-settings", projectId, "changed",
            before with { Version = null }, settings with { Version = null }, ct);
        await w.CommitAsync(ct);
    }

    private static async Task<FlowSettings> ReadSettingsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx, long projectId)
    {
        var rows = (await connection.QueryAsync<(long Trials, long HistoryWeeks, long Version)>(
            "SELECT forecast_trials, history_weeks, version FROM agile_settings WHERE project_id = @projectId", new { projectId }, tx)).ToList();
        return rows is [var r] ? new FlowSettings((int)r.Trials, (int)r.HistoryWeeks, r.Version) : new FlowSettings(10_000, 26, 0);
    }

    /// <summary>Metrics over [from, to], by default the project's history window up to today.</summary>
    public async Task<FlowMetrics> MetricsAsync(long projectId, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, AgileModule.Id, ct);
        var end = to ?? clock.Today;
        var start = from ?? end.AddDays(-7 * (await SettingsAsync(projectId, ct)).HistoryWeeks + 1);
        return await ComputeAsync(projectId, start, end, ct);
    }

    public async Task<(DateForecast? Forecast, int Remaining, IReadOnlyList<int> Samples)> WhenAsync(long projectId, int? items, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, AgileModule.Id, ct);
        if (items is < 1 or > 100_000) throw new DomainValidationException("items", "Forecast 1 to 100,000 items.");
        var remaining = items ?? await RemainingAsync(projectId, ct);
        var settings = await SettingsAsync(projectId, ct);
        var samples = await SamplesAsync(projectId, settings, ct);
        if (remaining == 0) return (null, 0, samples);
        return (new MonteCarloForecaster(random.Create()).WhenDone(samples, remaining, clock.Today, settings.Trials), remaining, samples);
    }

    public async Task<(CountForecast? Forecast, IReadOnlyList<int> Samples)> HowManyAsync(long projectId, DateOnly by, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, AgileModule.Id, ct);
        if (by <= clock.Today) throw new DomainValidationException("by", "Pick a date after today.");
        if (by.DayNumber - clock.Today.DayNumber > 5 * 366) throw new DomainValidationException("by", "Forecast at most five years ahead.");
        var settings = await SettingsAsync(projectId, ct);
        var samples = await SamplesAsync(projectId, settings, ct);
        return (new MonteCarloForecaster(random.Create()).HowMany(samples, clock.Today, by, settings.Trials), samples);
    }

    public async Task<int> RemainingAsync(long projectId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM agile_card WHERE project_id = @projectId AND done_at IS NULL", new { projectId });
    }

    /// <summary>
    /// Imports card history from CSV, all or nothing. Each card's moves are rebuilt from its dates (first column at
    /// Created, the started column at Started, the done column at Done) so flow metrics work on imported history.
    /// WIP limits do not apply to history.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(long projectId, string csv, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, AgileModule.Id, ct);
        await permissions.DemandAsync(projectId, AgileModule.ManageBoard, ct);
        await board.EnsureColumnsAsync(projectId, ct);
        var parsed = CardCsvParser.Parse(csv, clock.TimeZone);
        await using var w = await work.BeginAsync(AgileModule.Id, projectId, ct);
        var columns = await BoardStore.ColumnsAsync(w.Connection, w.Transaction, projectId);
        var errors = parsed.Errors.ToList();
        foreach (var card in parsed.Cards.Where(c => c.Column is not null && !columns.Any(col => string.Equals(col.Name, c.Column, StringComparison.OrdinalIgnoreCase))))
            errors.Add(new ImportError(card.Row, $"Row {card.Row}: there is no column \"{card.Column}\" on this board."));
        if (errors.Count > 0)
            throw new DomainValidationException(errors.OrderBy(e => e.Row).GroupBy(e => $"row {e.Row}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

        var first = columns[0];
        var startedColumn = columns.FirstOrDefault(c => c.IsStarted) ?? first;
        var doneColumn = columns.First(c => c.IsDone);
        int done = 0, inProgress = 0;
        foreach (var card in parsed.Cards)
        {
            var path = new List<(BoardColumn Column, DateTimeOffset At)> { (first, card.Created) };
            if (card.Started is { } s && startedColumn.Id != first.Id) path.Add((startedColumn, s));
            if (card.Done is { } d) path.Add((doneColumn, d));
            if (card.Column is { } named && columns.First(c => string.Equals(c.Name, named, StringComparison.OrdinalIgnoreCase)) is var finalColumn && finalColumn.Id != path[^1].Column.Id)
                path.Add((finalColumn, path[^1].At));
            var final = path[^1].Column;
            var id = await w.ScalarAsync<long>("""
                INSERT INTO agile_card (project_id, column_id, position, title, created_at, started_at, done_at, updated_at, version)
                VALUES (@projectId, @column, (SELECT COALESCE(MAX(position), -1) + 1 FROM agile_card WHERE column_id = @column), @Title, @created, @started, @done, @created, 1)
                RETURNING id
                """, new
            {
                projectId, column = final.Id, card.Title, created = StoredTime.Format(card.Created), started = card.Started is { } st ? StoredTime.Format(st) : null,
                done = final.IsDone && card.Done is { } dn ? StoredTime.Format(dn) : null,
            }, ct);
            string? from = null;
            foreach (var (column, at) in path)
            {
                await BoardStore.RecordMoveAsync(w.Connection, w.Transaction, projectId, id, from, column.Name, StoredTime.Format(at), w.ActorName);
                from = column.Name;
            }
            if (final.IsDone) done++; else if (card.Started is not null) inProgress++;
        }
        await w.AuditAsync("card-import", projectId, "imported", null,
            new { cards = parsed.Cards.Count, done }, ct);
        await w.CommitAsync(ct);
        return new ImportSummary(parsed.Cards.Count, done, inProgress);
    }

    private async Task<FlowMetrics> ComputeAsync(long projectId, DateOnly start, DateOnly end, CancellationToken ct)
    {
        if (start > end) throw new DomainValidationException("from", "The start of the period must not be after its end.");
        if (end.DayNumber - start.DayNumber > 3 * 366) throw new DomainValidationException("from", "Metrics cover at most three years at a time.");
        var data = await LoadAsync(projectId, ct);
        return FlowMetricsCalculator.Compute(data.Cards, data.Moves, data.Columns, data.Current, start, end, clock.TimeZone, clock.UtcNow);
    }

    /// <summary>Weekly throughput of the last complete weeks of the history window: the samples of the forecasts.</summary>
    private async Task<IReadOnlyList<int>> SamplesAsync(long projectId, FlowSettings settings, CancellationToken ct)
    {
        var lastSunday = Weeks.StartOf(clock.Today).AddDays(-1);
        var metrics = await ComputeAsync(projectId, lastSunday.AddDays(-7 * settings.HistoryWeeks + 1), lastSunday, ct);
        return metrics.Throughput.Select(w => w.Count).ToList();
    }

    private async Task<(IReadOnlyList<CardFlow> Cards, IReadOnlyList<ColumnTransition> Moves, IReadOnlyList<string> Columns, IReadOnlyDictionary<long, string> Current)> LoadAsync(long projectId, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        var columns = await BoardStore.ColumnsAsync(connection, null, projectId);
        var cards = (await connection.QueryAsync<CardRow>("""
            SELECT c.id, c.title, c.created_at AS CreatedAt, c.started_at AS StartedAt, c.done_at AS DoneAt, col.name AS ColumnName
            FROM agile_card c JOIN agile_column col ON col.id = c.column_id WHERE c.project_id = @projectId
            """, new { projectId })).ToList();
        var moves = (await connection.QueryAsync<MoveRow>(
            "SELECT card_id AS CardId, from_column AS FromColumn, to_column AS ToColumn, at FROM agile_card_move WHERE project_id = @projectId ORDER BY at, id",
            new { projectId })).Select(m => new ColumnTransition(m.CardId, m.FromColumn, m.ToColumn, m.At)).ToList();
        return (cards.Select(c => new CardFlow(c.Id, c.Title, c.CreatedAt, c.StartedAt, c.DoneAt)).ToList(), moves,
            columns.Select(c => c.Name).ToList(), cards.ToDictionary(c => c.Id, c => c.ColumnName));
    }

    private sealed class CardRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? StartedAt { get; init; }
        public DateTimeOffset? DoneAt { get; init; }
        public string ColumnName { get; init; } = "";
    }

    private sealed class MoveRow
    {
        public long CardId { get; init; }
        public string? FromColumn { get; init; }
        public string ToColumn { get; init; } = "";
        public DateTimeOffset At { get; init; }
    }
}
