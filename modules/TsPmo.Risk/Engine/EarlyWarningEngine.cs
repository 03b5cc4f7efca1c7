using TsPmo.Risk.Domain;

namespace TsPmo.Risk.Engine;

/// <summary>
/// The early-warning rules over already-loaded risks, actions and assessments (pure, so each rule is tested on its own).
/// Only live risks (Open, Monitoring) warn: a closed risk needs no attention.
/// </summary>
public static class EarlyWarningEngine
{
    public static IReadOnlyList<EarlyWarning> Evaluate(IEnumerable<RiskEntry> risks, IEnumerable<RiskAction> actions,
        IEnumerable<RiskAssessment> assessments, DateOnly today, WarningThresholds thresholds)
    {
        var actionsByRisk = actions.ToLookup(a => a.RiskId);
        var historyByRisk = assessments.ToLookup(a => a.RiskId);
        var warnings = new List<EarlyWarning>();
        foreach (var risk in risks.Where(r => r.IsLive))
        {
            EarlyWarning Warn(WarningKind kind, string message) => new(kind, risk.ProjectId, risk.Id, risk.Title, message);
            var riskActions = actionsByRisk[risk.Id].ToList();

            foreach (var action in riskActions.Where(a => a.IsOpen && a.DueDate < today).OrderBy(a => a.DueDate))
                warnings.Add(Warn(WarningKind.OverdueAction,
                    $"Action \"{action.Title}\" was due {action.DueDate:yyyy-MM-dd} ({today.DayNumber - action.DueDate!.Value.DayNumber} day(s) overdue).") with { ActionId = action.Id });

            if (risk.Level >= RiskLevel.High && risk.Owner is null)
                warnings.Add(Warn(WarningKind.HighRiskWithoutOwner, $"{risk.Level} risk (score {risk.Score}) has no owner."));

            if (risk.Level >= RiskLevel.High && string.IsNullOrWhiteSpace(risk.Mitigation) && !riskActions.Any(a => a.IsOpen))
                warnings.Add(Warn(WarningKind.HighRiskWithoutMitigation, $"{risk.Level} risk (score {risk.Score}) has no mitigation and no open action."));

            var lastTwo = historyByRisk[risk.Id].OrderByDescending(a => a.Id).Take(2).ToList();
            if (lastTwo.Count == 2 && lastTwo[0].Score > lastTwo[1].Score)
                warnings.Add(Warn(WarningKind.ScoreRose, $"Score rose from {lastTwo[1].Score} to {lastTwo[0].Score} at the last assessment."));

            if (risk.Proximity is { } near && near.DayNumber - today.DayNumber <= thresholds.ProximityDays)
                warnings.Add(Warn(WarningKind.ProximityNear, near < today
                    ? $"Proximity date {near:yyyy-MM-dd} has passed and the risk is still {risk.Status}."
                    : $"Proximity date {near:yyyy-MM-dd} is {near.DayNumber - today.DayNumber} day(s) away."));

            var reviewed = risk.LastReviewed ?? DateOnly.FromDateTime(risk.CreatedAt.UtcDateTime);
            if (today.DayNumber - reviewed.DayNumber > thresholds.ReviewDays)
                warnings.Add(Warn(WarningKind.NotReviewed, $"Not reviewed for {today.DayNumber - reviewed.DayNumber} days (since {reviewed:yyyy-MM-dd})."));
        }
        return warnings;
    }
}
