using System.Text;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Mspdi;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Tests;

public sealed class MspdiReaderTests
{
    internal static MspdiProject Read(string xml) => MspdiReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    internal const string Calendar = """
        <Calendars>
          <Calendar>
            <UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>
            <WeekDays>
              <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
              <WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes>
                <WorkingTime><FromTime>08:30:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>
                <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>
              <WeekDay><DayType>3</DayType><DayWorking>1</DayWorking><WorkingTimes>
                <WorkingTime><FromTime>08:30:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>
                <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>
              <WeekDay><DayType>4</DayType><DayWorking>1</DayWorking><WorkingTimes>
                <WorkingTime><FromTime>08:30:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>
                <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>
              <WeekDay><DayType>5</DayType><DayWorking>1</DayWorking><WorkingTimes>
                <WorkingTime><FromTime>08:30:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>
                <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>
              <WeekDay><DayType>6</DayType><DayWorking>1</DayWorking><WorkingTimes>
                <WorkingTime><FromTime>08:30:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>
                <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>
              <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
              <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking>
                <TimePeriod><FromDate>2026-01-07T00:00:00</FromDate><ToDate>2026-01-07T23:59:00</ToDate></TimePeriod></WeekDay>
            </WeekDays>
            <Exceptions>
              <Exception><EnteredByOccurrences>0</EnteredByOccurrences>
                <TimePeriod><FromDate>2026-01-01T00:00:00</FromDate><ToDate>2030-12-31T23:59:00</ToDate></TimePeriod>
                <Occurrences>5</Occurrences><Name>Christmas</Name><Type>2</Type><Month>11</Month><MonthDay>25</MonthDay><DayWorking>0</DayWorking></Exception>
            </Exceptions>
          </Calendar>
          <Calendar>
            <UID>2</UID><Name>Mornings</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID>
            <WeekDays>
              <WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes>
                <WorkingTime><FromTime>08:30:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>
            </WeekDays>
          </Calendar>
        </Calendars>
        """;

    /// <summary>A small plan as ProjectLibre writes it: no SaveVersion, Summary=0 on the summary, a 7.5-hour day.</summary>
    internal static string Plan(string ns = " xmlns=\"http://schemas.microsoft.com/project\"") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Project{ns}>
          <Name>Small plan</Name>
          <StartDate>2026-01-05T08:30:00</StartDate>
          <FinishDate>2026-01-20T17:00:00</FinishDate>
          <CurrencyCode>EUR</CurrencyCode>
          <CalendarUID>1</CalendarUID>
          <MinutesPerDay>450</MinutesPerDay>
          <MinutesPerWeek>2250</MinutesPerWeek>
          <DaysPerMonth>20</DaysPerMonth>
          {Calendar}
          <Tasks>
            <Task><UID>0</UID><ID>0</ID><Name>Small plan</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>
            <Task><UID>1</UID><ID>1</ID><Name>Design</Name><OutlineLevel>1</OutlineLevel><Summary>0</Summary><Duration>PT0H0M0S</Duration></Task>
            <Task><UID>2</UID><ID>2</ID><Name>Sketch</Name><OutlineLevel>2</OutlineLevel><Duration>PT9H46M54S</Duration><DurationFormat>7</DurationFormat>
              <Cost>123456</Cost><ActualCost>50000.4</ActualCost><PercentComplete>40</PercentComplete>
              <ActualStart>2026-01-05T08:30:00</ActualStart><Notes>first</Notes></Task>
            <Task><UID>3</UID><ID>3</ID><Name>Review</Name><OutlineLevel>2</OutlineLevel><Duration>PT48H0M0S</Duration><DurationFormat>8</DurationFormat>
              <CalendarUID>2</CalendarUID>
              <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type><LinkLag>4500</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task>
            <Task><UID>4</UID><ID>4</ID><Name></Name><IsNull>1</IsNull></Task>
            <Task><UID>5</UID><ID>5</ID><Name>Build</Name><OutlineLevel>1</OutlineLevel><Duration>PT15H0M0S</Duration>
              <ConstraintType>4</ConstraintType><ConstraintDate>2026-01-08T08:30:00</ConstraintDate><Deadline>2026-01-15T17:00:00</Deadline>
              <LevelingDelay>14400</LevelingDelay><LevelingDelayFormat>8</LevelingDelayFormat>
              <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>3</Type><LinkLag>14400</LinkLag><LagFormat>8</LagFormat></PredecessorLink>
              <PredecessorLink><PredecessorUID>3</PredecessorUID><Type>0</Type><LinkLag>-600</LinkLag><LagFormat>5</LagFormat></PredecessorLink>
              <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>2</Type><LinkLag>50</LinkLag><LagFormat>19</LagFormat></PredecessorLink>
              <PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink></Task>
            <Task><UID>6</UID><ID>6</ID><Name>Sign-off</Name><OutlineLevel>1</OutlineLevel><Duration>PT0H0M0S</Duration><Milestone>1</Milestone>
              <Manual>1</Manual><Start>2026-01-16T17:00:00</Start><Finish>2026-01-16T17:00:00</Finish></Task>
          </Tasks>
          <Resources>
            <Resource><UID>0</UID><ID>0</ID><Name>Unassigned</Name></Resource>
            <Resource><UID>1</UID><ID>1</ID><Name>Ada Lovelace</Name><EmailAddress>ada@example.org</EmailAddress></Resource>
            <Resource><UID>2</UID><ID>2</ID><Name>Grace Hopper</Name></Resource>
          </Resources>
          <Assignments>
            <Assignment><UID>1</UID><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID><Work>PT9H46M0S</Work></Assignment>
            <Assignment><UID>2</UID><TaskUID>3</TaskUID><ResourceUID>-65535</ResourceUID><Work>PT0H0M0S</Work></Assignment>
            <Assignment><UID>3</UID><TaskUID>5</TaskUID><ResourceUID>2</ResourceUID><Work>PT15H0M0S</Work></Assignment>
          </Assignments>
        </Project>
        """;

    [Fact]
    public void Reads_project_properties_tasks_hierarchy_and_values()
    {
        var p = Read(Plan());
        Assert.Equal("Small plan", p.Name);
        Assert.Equal(new DateTime(2026, 1, 5, 8, 30, 0), p.Start);
        Assert.Equal(new DateTime(2026, 1, 20, 17, 0, 0), p.Finish);
        Assert.Equal(450, p.MinutesPerDay);
        Assert.Equal(2250, p.MinutesPerWeek);
        Assert.Equal("EUR", p.CurrencyCode);

        // UID 0 and the blank row are skipped; file order kept; hierarchy from OutlineLevel though Summary=0.
        Assert.Equal([1L, 2, 3, 5, 6], p.Tasks.Select(t => t.Plan.Id));
        Assert.Equal(["Design", "Sketch", "Review", "Build", "Sign-off"], p.Tasks.Select(t => t.Plan.Name));
        Assert.Equal([null, 1L, 1L, null, null], p.Tasks.Select(t => t.Plan.ParentId));
        Assert.Equal([1, 2, 2, 1, 1], p.Tasks.Select(t => t.OutlineLevel));

        var sketch = p.Tasks[1];
        Assert.Equal(587, sketch.Plan.DurationMinutes); // 9 h 46 min 54 s rounds to 587 minutes
        Assert.Equal(123456, sketch.PlannedCostMinor);   // MSPDI money is in hundredths: minor units
        Assert.Equal(50000, sketch.ActualCostMinor);
        Assert.Equal(40m, sketch.Plan.PercentComplete);
        Assert.Equal(new DateTime(2026, 1, 5, 8, 30, 0), sketch.Plan.ActualStart);
        Assert.Equal("first", sketch.Notes);

        var review = p.Tasks[2].Plan;
        Assert.True(review.ElapsedDuration);
        Assert.Equal(48 * 60, review.DurationMinutes);
        Assert.Equal("2", review.CalendarKey);
        Assert.Single(p.TaskCalendars);

        var build = p.Tasks[3].Plan;
        Assert.Equal(ConstraintKind.StartNoEarlierThan, build.Constraint);
        Assert.Equal(new DateTime(2026, 1, 8, 8, 30, 0), build.ConstraintDate);
        Assert.Equal(new DateTime(2026, 1, 15, 17, 0, 0), build.Deadline);
        Assert.Equal(1440, build.LevelingDelayMinutes);
        Assert.True(build.LevelingDelayElapsed);

        var signOff = p.Tasks[4].Plan;
        Assert.True(signOff.Milestone);
        Assert.True(signOff.Manual);
        Assert.Equal(new DateTime(2026, 1, 16, 17, 0, 0), signOff.ManualStart);
        Assert.False(p.Tasks[0].Plan.Milestone); // a summary is never a milestone
    }

    [Fact]
    public void Reads_links_with_tenths_of_minutes_elapsed_and_percent_lags()
    {
        var p = Read(Plan());
        Assert.Equal(
            [
                new PlanLink(2, 3, LinkType.FinishToStart, 450),                                   // 4500 tenths = 1 day of 450 min
                new PlanLink(1, 5, LinkType.StartToStart, 1440, LagUnit.ElapsedMinutes),           // LagFormat 8 = elapsed days
                new PlanLink(3, 5, LinkType.FinishToFinish, -60),                                  // a one-hour lead
                new PlanLink(2, 5, LinkType.StartToFinish, 50, LagUnit.PercentOfPredecessor),      // 50 %
            ],
            p.Links); // the link to unknown UID 99 is dropped
    }

    [Fact]
    public void Reads_calendars_exceptions_and_base_chains()
    {
        var p = Read(Plan());
        var cal = new WorkingCalendar(p.Calendar);
        Assert.Equal(450, cal.WorkingMinutesOn(new DateOnly(2026, 1, 5)));
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 1, 7)));   // 2002/2003-style DayType 0 exception
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 12, 25))); // recurring yearly exception (Friday)
        Assert.False(cal.IsWorkingDay(new DateOnly(2029, 12, 25)));
        Assert.True(cal.IsWorkingDay(new DateOnly(2026, 12, 24)));

        var mornings = new WorkingCalendar(p.TaskCalendars["2"]);
        Assert.Equal(210, mornings.WorkingMinutesOn(new DateOnly(2026, 1, 5)));   // its own Monday
        Assert.Equal(450, mornings.WorkingMinutesOn(new DateOnly(2026, 1, 6)));   // Tuesday from the base calendar
        Assert.False(mornings.IsWorkingDay(new DateOnly(2026, 1, 7)));           // and the base's exceptions
    }

    [Fact]
    public void Reads_resources_and_assignments()
    {
        var p = Read(Plan());
        Assert.Equal([new MspdiResource(1, "Ada Lovelace", "ada@example.org"), new MspdiResource(2, "Grace Hopper", null)], p.Resources);
        Assert.Equal([new MspdiAssignment(2, 1, 586), new MspdiAssignment(5, 2, 900)], p.Assignments);
    }

    [Fact]
    public void Accepts_a_document_without_namespace_and_schedules_it()
    {
        var p = Read(Plan(ns: ""));
        Assert.Equal(5, p.Tasks.Count);
        var s = CpmScheduler.Compute(p.ToPlanInput());
        Assert.Equal(new DateTime(2026, 1, 5, 8, 30, 0), s.Start);
        Assert.Equal(5, s.Tasks.Count);
    }

    [Theory]
    [InlineData("<Project><Name>x", "not well-formed")]
    [InlineData("", "not well-formed")]
    [InlineData("<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>", "root element is <Workbook>")]
    [InlineData("<Project xmlns=\"http://example.org/other\"><Name>x</Name></Project>", "namespace http://example.org/other")]
    [InlineData("<Project><Name>x</Name><Tasks/></Project>", "no StartDate")]
    [InlineData("<Project><StartDate>2026-01-05T08:00:00</StartDate><Tasks><Task><UID>1</UID><Name>Bad</Name><OutlineLevel>1</OutlineLevel><Duration>-PT8H0M0S</Duration></Task></Tasks></Project>", "negative Duration")]
    [InlineData("<Project><StartDate>2026-01-05T08:00:00</StartDate><Tasks><Task><UID>1</UID><Name>Odd</Name><Duration>eight hours</Duration></Task></Tasks></Project>", "unreadable Duration")]
    [InlineData("<Project><StartDate>2026-01-05T08:00:00</StartDate><Tasks><Task><UID>1</UID><Name>A</Name></Task><Task><UID>1</UID><Name>B</Name></Task></Tasks></Project>", "appears more than once")]
    public void Bad_input_is_a_format_error_with_a_clear_message(string xml, string expected)
    {
        var ex = Assert.Throws<MspdiFormatException>(() => Read(xml));
        Assert.Contains(expected, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Dtds_and_external_entities_are_refused()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE Project [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <Project><Name>&secret;</Name><StartDate>2026-01-05T08:00:00</StartDate></Project>
            """;
        var ex = Assert.Throws<MspdiFormatException>(() => Read(xxe));
        Assert.Contains("DTD", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Timephased_work_gives_split_and_in_progress_spans()
    {
        const string xml = """
            <Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-01-05T08:00:00</StartDate><Tasks>
              <Task><UID>1</UID><Name>Split</Name><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration>
                <Start>2026-01-05T08:00:00</Start><Finish>2026-01-07T17:00:00</Finish></Task>
              <Task><UID>2</UID><Name>Started</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
                <ActualStart>2026-01-05T13:00:00</ActualStart><Start>2026-01-05T13:00:00</Start><Finish>2026-01-07T12:00:00</Finish></Task>
              <Task><UID>3</UID><Name>Plain</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration></Task>
            </Tasks><Assignments>
              <Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Work>PT16H0M0S</Work>
                <TimephasedData><Type>1</Type><UID>1</UID><Start>2026-01-05T08:00:00</Start><Finish>2026-01-06T08:00:00</Finish><Unit>2</Unit><Value>PT8H0M0S</Value></TimephasedData>
                <TimephasedData><Type>1</Type><UID>1</UID><Start>2026-01-06T08:00:00</Start><Finish>2026-01-07T08:00:00</Finish><Unit>2</Unit></TimephasedData>
                <TimephasedData><Type>1</Type><UID>1</UID><Start>2026-01-07T08:00:00</Start><Finish>2026-01-07T17:00:00</Finish><Unit>2</Unit><Value>PT8H0M0S</Value></TimephasedData>
              </Assignment>
            </Assignments></Project>
            """;
        var p = Read(xml);
        Assert.Equal([1440L, 960L, null], p.Tasks.Select(t => t.Plan.WorkSpanMinutes));
        var s = CpmScheduler.Compute(p.ToPlanInput());
        Assert.Equal(new DateTime(2026, 1, 7, 17, 0, 0), s.Of(1).EarlyFinish);
        Assert.Equal(new DateTime(2026, 1, 7, 12, 0, 0), s.Of(2).EarlyFinish);
    }

    [Fact]
    public void An_inactive_task_does_not_drive_its_successors()
    {
        const string xml = """
            <Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-01-05T08:00:00</StartDate><Tasks>
              <Task><UID>1</UID><Name>Dropped</Name><Active>0</Active><OutlineLevel>1</OutlineLevel><Duration>PT40H0M0S</Duration></Task>
              <Task><UID>2</UID><Name>Next</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
                <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
            </Tasks></Project>
            """;
        var p = Read(xml);
        Assert.Empty(p.Links);
        Assert.Equal(new DateTime(2026, 1, 5, 8, 0, 0), CpmScheduler.Compute(p.ToPlanInput()).Of(2).EarlyStart);
    }

    [Fact]
    public void A_link_cycle_reads_but_the_scheduler_names_it()
    {
        const string xml = """
            <Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-01-05T08:00:00</StartDate><Tasks>
              <Task><UID>1</UID><Name>Egg</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
                <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type></PredecessorLink></Task>
              <Task><UID>2</UID><Name>Chicken</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
                <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
            </Tasks></Project>
            """;
        var p = Read(xml);
        var ex = Assert.Throws<DependencyCycleException>(() => CpmScheduler.Compute(p.ToPlanInput()));
        Assert.Equal(["Chicken", "Egg"], ex.TaskNames.Order());
    }
}
