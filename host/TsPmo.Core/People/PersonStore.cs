using System.Data.Common;
using Dapper;

namespace TsPmo.Core.People;

/// <summary>The SQL of <c>core_person</c>, its skills and time off. Lists load skills and time off for a whole page in two queries.</summary>
public static class PersonStore
{
    private const string Select = """
        SELECT p.id, p.name, p.email, p.title, p.weekly_capacity_hours AS WeeklyCapacityHours, p.user_id AS UserId,
               u.display_name AS UserDisplayName, u.email AS UserEmail, p.archived, p.created_at AS CreatedAt,
               p.updated_at AS UpdatedAt, p.version
        FROM core_person p
        LEFT JOIN core_user u ON u.id = p.user_id
        """;

    public static async Task<Person?> FindAsync(DbConnection connection, DbTransaction? tx, long id)
    {
        var person = await connection.QuerySingleOrDefaultAsync<Person>(Select + " WHERE p.id = @id", new { id }, tx);
        return person is null ? null : (await WithDetailsAsync(connection, tx, [person]))[0];
    }

    public static async Task<PersonPage> QueryAsync(DbConnection connection, PersonQuery query)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        if (!query.IncludeArchived) where.Add("p.archived = 0");
        if (!string.IsNullOrWhiteSpace(query.Skill))
        {
            // core_person_skill.name is NOCASE, so "c#" finds "C#".
            where.Add("EXISTS (SELECT 1 FROM core_person_skill s WHERE s.person_id = p.id AND s.name = @skill)");
            args.Add("skill", query.Skill.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            where.Add(@"(p.name LIKE @text ESCAPE '\' OR p.email LIKE @text ESCAPE '\' OR p.title LIKE @text ESCAPE '\')");
            args.Add("text", "%" + query.Text.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%");
        }
        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        var pageSize = Math.Clamp(query.PageSize, 1, PersonQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        args.Add("take", pageSize);
        args.Add("skip", (page - 1) * pageSize);

        var total = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM core_person p" + filter, args);
        var items = (await connection.QueryAsync<Person>($"{Select}{filter} ORDER BY p.name COLLATE NOCASE, p.id LIMIT @take OFFSET @skip", args)).ToList();
        return new PersonPage(await WithDetailsAsync(connection, null, items), total, page, pageSize);
    }

    /// <summary>Every skill name in use, for filter lists.</summary>
    public static async Task<IReadOnlyList<string>> SkillNamesAsync(DbConnection connection) =>
        (await connection.QueryAsync<string>("""
            SELECT MIN(s.name) FROM core_person_skill s JOIN core_person p ON p.id = s.person_id
            WHERE p.archived = 0 GROUP BY s.name ORDER BY 1 COLLATE NOCASE
            """)).ToList();

    public static async Task ReplaceSkillsAsync(DbConnection connection, DbTransaction tx, long personId, IReadOnlyList<Skill> skills)
    {
        await connection.ExecuteAsync("DELETE FROM core_person_skill WHERE person_id = @personId", new { personId }, tx);
        if (skills.Count > 0)
            await connection.ExecuteAsync("INSERT INTO core_person_skill (person_id, name, level) VALUES (@personId, @Name, @Level)",
                skills.Select(s => new { personId, s.Name, s.Level }), tx);
    }

    private static async Task<IReadOnlyList<Person>> WithDetailsAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<Person> people)
    {
        if (people.Count == 0) return people;
        var ids = people.Select(p => p.Id).ToArray();
        var skills = (await connection.QueryAsync<(long PersonId, string Name, int Level)>(
                "SELECT person_id, name, level FROM core_person_skill WHERE person_id IN @ids ORDER BY level DESC, name COLLATE NOCASE",
                new { ids }, tx))
            .ToLookup(s => s.PersonId, s => new Skill(s.Name, s.Level));
        var timeOff = (await connection.QueryAsync<(long PersonId, long Id, DateOnly Start, DateOnly End, string? Reason)>(
                "SELECT person_id, id, start_date, end_date, reason FROM core_person_time_off WHERE person_id IN @ids ORDER BY start_date, id",
                new { ids }, tx))
            .ToLookup(t => t.PersonId, t => new TimeOffPeriod(t.Id, t.Start, t.End, t.Reason));
        return people.Select(p => p with { Skills = skills[p.Id].ToList(), TimeOff = timeOff[p.Id].ToList() }).ToList();
    }
}
