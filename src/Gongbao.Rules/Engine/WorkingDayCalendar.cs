using System.Globalization;

namespace Gongbao.Rules.Engine;

/// <summary>
/// Working days (工作日) for deadlines: Monday–Friday, minus public holidays, plus the weekend days the
/// State Council declares working days (调休). The holiday table is configuration, not law of the gazettes:
/// the built-in one copies the State Council General Office notices for 2024 (国办发明电〔2023〕7号) and
/// 2025 (国办发明电〔2024〕12号); any other year counts weekends only and is reported as unconfigured.
/// Callers may pass their own holidays and make-up working days.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;
    private readonly HashSet<int> _configuredYears;

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkdays, IEnumerable<int> configuredYears, string source)
    {
        _holidays = [.. holidays];
        _makeUpWorkdays = [.. makeUpWorkdays];
        _configuredYears = [.. configuredYears];
        Source = source;
    }

    /// <summary>Where the holiday table comes from.</summary>
    public string Source { get; }

    public IReadOnlySet<int> ConfiguredYears => _configuredYears;

    public bool IsConfigured(int year) => _configuredYears.Contains(year);

    public bool IsWorkingDay(DateOnly day)
    {
        if (_makeUpWorkdays.Contains(day))
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);
    }

    /// <summary>
    /// The last day of a period of <paramref name="days"/> working days starting after <paramref name="start"/>:
    /// the start day itself is not counted (民法典第二百零一条: 开始的当日不计入).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Calendar years touched by the period that the holiday table does not cover.</summary>
    public IReadOnlyList<int> UnconfiguredYears(DateOnly from, DateOnly to) =>
        [.. Enumerable.Range(from.Year, to.Year - from.Year + 1).Where(y => !_configuredYears.Contains(y))];

    /// <summary>Mainland public holidays and make-up working days of 2024 and 2025.</summary>
    public static WorkingDayCalendar ChinaMainland { get; } = new(
        Days(
            "2024-01-01", "2024-02-10..2024-02-17", "2024-04-04..2024-04-06", "2024-05-01..2024-05-05",
            "2024-06-10", "2024-09-15..2024-09-17", "2024-10-01..2024-10-07",
            "2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06", "2025-05-01..2025-05-05",
            "2025-05-31..2025-06-02", "2025-10-01..2025-10-08"),
        Days(
            "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12",
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"),
        [2024, 2025],
        "国务院办公厅关于2024年部分节假日安排的通知(国办发明电〔2023〕7号); 关于2025年部分节假日安排的通知(国办发明电〔2024〕12号)");

    /// <summary>A calendar with the built-in holidays plus extra ones (e.g. a later year's notice).</summary>
    public WorkingDayCalendar With(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkdays, IEnumerable<int> years, string source) =>
        new(_holidays.Concat(holidays), _makeUpWorkdays.Concat(makeUpWorkdays), _configuredYears.Concat(years), Source + "; " + source);

    private static IEnumerable<DateOnly> Days(params string[] specs)
    {
        foreach (var spec in specs)
        {
            var parts = spec.Split("..");
            var from = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = parts.Length > 1 ? DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) : from;
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                yield return d;
            }
        }
    }
}
