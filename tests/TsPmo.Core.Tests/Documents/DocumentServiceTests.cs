using Dapper;
using TsPmo.Core.Audit;
using TsPmo.Core.Documents;
using TsPmo.Core.Projects;
using TsPmo.Core.Tests.Support;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Tests.Documents;

public sealed class DocumentServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _time = new();
    private long _projectId;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.MigrateCoreAsync();
        _projectId = await InsertProjectAsync("DOC-1");
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private DocumentService Service(FakeCurrentUser? user = null)
    {
        user ??= new FakeCurrentUser();
        return new DocumentService(_db.Connections, new ProjectAccess(_db.Connections, user, new CorePermissionLookup()), new AuditLog(user, _time), user, _time);
    }

    private async Task<long> InsertProjectAsync(string code)
    {
        await using var connection = await _db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO core_project (code, name, methodology_id, created_at, updated_at)
            VALUES (@code, 'Project ' || @code, 'scrum', '2025-01-01T00:00:00.0000000Z', '2025-01-01T00:00:00.0000000Z') RETURNING id
            """, new { code });
    }

    private Task<ProjectDocument> CharterAsync(string body = "# Charter\n\nWhy.\n") =>
        Service().CreateAsync(_projectId, new NewDocument("Charter", DocumentKind.Charter, body));

    private Task<long> CountAsync(string sql, object? args = null) => _db.ScalarAsync<long>(sql, args);

    [Fact]
    public async Task Create_stores_revision_1_by_the_current_user_and_audits_it_for_the_project()
    {
        var doc = await Service().CreateAsync(_projectId, new NewDocument("  Charter  ", DocumentKind.Charter, "# Charter\r\nWhy.\r\n"));

        Assert.Equal(("Charter", DocumentKind.Charter, 1, 1L, "Ada Admin"), (doc.Title, doc.Kind, doc.CurrentRevision, doc.Version, doc.UpdatedBy));
        Assert.Equal(_time.Now, doc.CreatedAt);
        var revision = await Service().RevisionAsync(_projectId, doc.Id, 1);
        Assert.Equal("# Charter\nWhy.\n", revision!.Body); // CRLF from a browser is stored as LF
        Assert.Equal(1L, await CountAsync(
            "SELECT COUNT(*) FROM core_audit WHERE entity_type = 'document' AND entity_id = @id AND action = 'created' AND project_id = @p",
            new { id = doc.Id.ToString(), p = _projectId }));
    }

    [Fact]
    public async Task Create_from_template_starts_with_the_kind_s_template()
    {
        var doc = await Service().CreateAsync(_projectId, new NewDocument("Charter", DocumentKind.Charter, FromTemplate: true));

        var revision = await Service().RevisionAsync(_projectId, doc.Id, 1);
        Assert.Equal(DocumentTemplates.For(DocumentKind.Charter), revision!.Body);
    }

    [Fact]
    public async Task A_template_is_refused_for_a_kind_without_one_or_together_with_a_body()
    {
        var none = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Service().CreateAsync(_projectId, new NewDocument("Notes", DocumentKind.Other, FromTemplate: true)));
        var both = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Service().CreateAsync(_projectId, new NewDocument("Plan", DocumentKind.Plan, "mine", FromTemplate: true)));

        Assert.Equal(["fromTemplate"], none.Errors.Keys);
        Assert.Equal(["body"], both.Errors.Keys);
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM core_document"));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_every_field_named_and_nothing_written()
    {
        var ex = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Service().CreateAsync(_projectId, new NewDocument("  ", null, new string('x', DocumentService.MaxBodyLength + 1))));
        var longTitle = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Service().CreateAsync(_projectId, new NewDocument(new string('t', 201), DocumentKind.Plan)));

        Assert.Equal(["body", "kind", "title"], ex.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["title"], longTitle.Errors.Keys);
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM core_document"));
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM core_audit"));
    }

    [Fact]
    public async Task An_unknown_project_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Service().ListAsync(999));
        await Assert.ThrowsAsync<NotFoundException>(() => Service().CreateAsync(999, new NewDocument("Plan", DocumentKind.Plan)));
    }

    [Fact]
    public async Task Each_changing_save_is_a_new_revision_and_old_revisions_keep_their_text()
    {
        var doc = await CharterAsync("v1\n");
        _time.Advance(TimeSpan.FromHours(1));
        var second = await Service(new FakeCurrentUser { DisplayName = "Pat PMO", Role = Roles.Pmo }).UpdateAsync(_projectId, doc.Id, 1, "Charter", "v2\n");
        _time.Advance(TimeSpan.FromHours(1));
        var third = await Service().UpdateAsync(_projectId, doc.Id, 2, "Project charter", "v3\n");

        Assert.Equal((2, 2L, "Pat PMO"), (second.CurrentRevision, second.Version, second.UpdatedBy));
        Assert.Equal((3, 3L, "Project charter"), (third.CurrentRevision, third.Version, third.Title));
        Assert.Equal(_time.Now, third.UpdatedAt);
        var history = await Service().RevisionsAsync(_projectId, doc.Id);
        Assert.Equal([3, 2, 1], history.Select(r => r.Revision));
        Assert.Equal(["Ada Admin", "Pat PMO", "Ada Admin"], history.Select(r => r.Author));
        Assert.Equal([3, 3, 3], history.Select(r => r.Length));
        Assert.Equal("v1\n", (await Service().RevisionAsync(_projectId, doc.Id, 1))!.Body);
        Assert.Equal("v2\n", (await Service().RevisionAsync(_projectId, doc.Id, 2))!.Body);
        Assert.Null(await Service().RevisionAsync(_projectId, doc.Id, 4));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_the_other_person_s_revision_kept()
    {
        var doc = await CharterAsync("original\n");
        await Service().UpdateAsync(_projectId, doc.Id, doc.Version, "Charter", "theirs\n");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Service().UpdateAsync(_projectId, doc.Id, doc.Version, "Charter", "mine\n"));

        var now = await Service().FindAsync(_projectId, doc.Id);
        Assert.Equal((2, 2L), (now!.CurrentRevision, now.Version));
        Assert.Equal("theirs\n", (await Service().RevisionAsync(_projectId, doc.Id, 2))!.Body);
        Assert.Equal(2L, await CountAsync("SELECT COUNT(*) FROM core_document_revision"));
    }

    [Fact]
    public async Task Saving_the_same_title_and_text_creates_no_revision_and_no_audit_row()
    {
        var doc = await CharterAsync("line one\nline two\n");

        // The same text as a browser sends it back: CRLF line ends and the title padded.
        var saved = await Service().UpdateAsync(_projectId, doc.Id, doc.Version, " Charter ", "line one\r\nline two\r\n");

        Assert.Equal(doc, saved);
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM core_document_revision"));
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM core_audit WHERE entity_type = 'document'"));
    }

    [Fact]
    public async Task Every_change_is_audited_with_the_project_before_and_after()
    {
        var doc = await CharterAsync();
        await Service().UpdateAsync(_projectId, doc.Id, 1, "Charter v2", "new text\n");

        await using var connection = await _db.OpenAsync();
        var rows = (await connection.QueryAsync<(string Action, long? ProjectId, string? Before, string After)>(
            "SELECT action, project_id, before_json, after_json FROM core_audit WHERE entity_type = 'document' ORDER BY id")).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("created", (long?)_projectId, (string?)null), (rows[0].Action, rows[0].ProjectId, rows[0].Before));
        Assert.Equal(("updated", (long?)_projectId), (rows[1].Action, rows[1].ProjectId));
        Assert.Equal("""{"title":"Charter","kind":"Charter","revision":1}""", rows[1].Before);
        Assert.Equal("""{"title":"Charter v2","kind":"Charter","revision":2}""", rows[1].After);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_create_or_edit()
    {
        var doc = await CharterAsync("text\n");
        var viewer = Service(new FakeCurrentUser { UserId = 9, DisplayName = "Val Viewer", Role = Roles.Viewer });

        await Assert.ThrowsAsync<AccessDeniedException>(() => viewer.CreateAsync(_projectId, new NewDocument("Plan", DocumentKind.Plan)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => viewer.UpdateAsync(_projectId, doc.Id, doc.Version, "Charter", "changed\n"));

        Assert.Single(await viewer.ListAsync(_projectId));
        Assert.Equal("text\n", (await viewer.RevisionAsync(_projectId, doc.Id, 1))!.Body);
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM core_document_revision"));
    }

    [Fact]
    public async Task A_document_is_only_found_through_its_own_project()
    {
        var doc = await CharterAsync();
        var other = await InsertProjectAsync("DOC-2");

        Assert.Null(await Service().FindAsync(other, doc.Id));
        Assert.Null(await Service().RevisionAsync(other, doc.Id, 1));
        Assert.Empty(await Service().ListAsync(other));
        await Assert.ThrowsAsync<NotFoundException>(() => Service().RevisionsAsync(other, doc.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => Service().DiffAsync(other, doc.Id, 1, 1));
        await Assert.ThrowsAsync<NotFoundException>(() => Service().UpdateAsync(other, doc.Id, doc.Version, "Moved", "x"));
    }

    [Fact]
    public async Task Diff_defaults_to_the_last_change_and_compares_any_two_revisions()
    {
        var doc = await CharterAsync("# Charter\nPurpose: sell more\n");
        await Service().UpdateAsync(_projectId, doc.Id, 1, "Charter", "# Charter\nPurpose: sell more online\n");
        await Service().UpdateAsync(_projectId, doc.Id, 2, "Project charter", "# Charter\nPurpose: sell more online\nBudget: 10k\n");

        var last = await Service().DiffAsync(_projectId, doc.Id);
        var all = await Service().DiffAsync(_projectId, doc.Id, 1, 3);

        Assert.Equal((2, 3, 1, 0, true), (last.FromRevision, last.ToRevision, last.Inserted, last.Deleted, last.TitleChanged));
        Assert.Equal(new DiffLine(DiffLineKind.Inserted, null, 3, "Budget: 10k"), last.Lines[^1]);
        Assert.Equal(
        [
            new DiffLine(DiffLineKind.Unchanged, 1, 1, "# Charter"),
            new DiffLine(DiffLineKind.Deleted, 2, null, "Purpose: sell more"),
            new DiffLine(DiffLineKind.Inserted, null, 2, "Purpose: sell more online"),
            new DiffLine(DiffLineKind.Inserted, null, 3, "Budget: 10k"),
        ], all.Lines);
        await Assert.ThrowsAsync<NotFoundException>(() => Service().DiffAsync(_projectId, doc.Id, 1, 7));
    }
}
