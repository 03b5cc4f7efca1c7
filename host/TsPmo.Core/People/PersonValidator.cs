using System.Data.Common;
using System.Net.Mail;
using Dapper;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.People;

/// <summary>Checks a <see cref="PersonInput"/> against the rules and the database; every problem keyed by field.</summary>
public static class PersonValidator
{
    public const int MaxName = 100;
    public const int MaxTitle = 100;
    public const int MaxSkillName = 40;
    public const int MaxSkills = 50;
    public const decimal MaxCapacity = 80;
    public const int MaxReason = 200;

    public sealed record Valid(string Name, string? Email, string? Title, decimal WeeklyCapacityHours, long? UserId, IReadOnlyList<Skill> Skills);

    /// <summary>The normalized input, or throws <see cref="DomainValidationException"/> with every problem found.</summary>
    public static async Task<Valid> ValidateAsync(PersonInput input, DbConnection connection, DbTransaction tx, long? personId)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxName) Add("name", $"Enter a name of 1 to {MaxName} characters.");

        var email = Blank(input.Email);
        if (email is not null)
        {
            if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
                Add("email", "Enter an email address such as name@example.com, or leave it empty.");
            else if (await connection.QuerySingleOrDefaultAsync<string>(
                         "SELECT name FROM core_person WHERE email = @email COLLATE NOCASE AND id <> @id",
                         new { email, id = personId ?? 0 }, tx) is { } other)
                Add("email", $"{other} already has this email address.");
        }

        var title = Blank(input.Title);
        if (title is { Length: > MaxTitle }) Add("title", $"The title is limited to {MaxTitle} characters.");

        if (input.WeeklyCapacityHours is < 0 or > MaxCapacity)
            Add("weeklyCapacityHours", $"Weekly capacity is 0 to {MaxCapacity} hours.");

        if (input.UserId is { } userId)
        {
            var account = await connection.QuerySingleOrDefaultAsync<(long Id, string? LinkedTo)>("""
                SELECT u.id, p.name FROM core_user u LEFT JOIN core_person p ON p.user_id = u.id AND p.id <> @personId
                WHERE u.id = @userId
                """, new { userId, personId = personId ?? 0 }, tx);
            if (account.Id == 0) Add("userId", $"There is no user account {userId}.");
            else if (account.LinkedTo is { } linked) Add("userId", $"This account is already linked to {linked}.");
        }

        var skills = ValidateSkills(input.Skills ?? [], Add);

        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new Valid(name, email, title, input.WeeklyCapacityHours, input.UserId, skills);
    }

    /// <summary>Checks a time-off period; the dates come as nullable because a form or JSON may leave them out.</summary>
    public static (DateOnly Start, DateOnly End, string? Reason) ValidateTimeOff(DateOnly? start, DateOnly? end, string? reason)
    {
        var errors = new Dictionary<string, string[]>();
        if (start is null) errors["start"] = ["Enter the first day away."];
        if (end is null) errors["end"] = ["Enter the last day away."];
        else if (start is { } s && end < s) errors["end"] = ["The last day cannot be before the first day."];
        reason = Blank(reason);
        if (reason is { Length: > MaxReason }) errors["reason"] = [$"The reason is limited to {MaxReason} characters."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return (start!.Value, end!.Value, reason);
    }

    private static List<Skill> ValidateSkills(IReadOnlyList<SkillInput> input, Action<string, string> add)
    {
        var skills = new List<Skill>();
        var messages = new List<string>();
        foreach (var skill in input)
        {
            var name = skill.Name?.Trim() ?? "";
            if (name.Length is 0 or > MaxSkillName) messages.Add($"A skill name is 1 to {MaxSkillName} characters.");
            else if (skill.Level is < 1 or > 5) messages.Add($"The level of {name} is {skill.Level}; levels go from 1 (basic) to 5 (expert).");
            else if (skills.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))) messages.Add($"{name} is listed twice.");
            else skills.Add(new Skill(name, skill.Level));
        }
        if (input.Count > MaxSkills) messages.Add($"A person has at most {MaxSkills} skills.");
        // One key for the whole list: forms and clients show it next to the skills, whichever row is wrong.
        foreach (var message in messages.Distinct()) add("skills", message);
        return skills;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
