using System.Globalization;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// Stored times are UTC; pages show them in the users' time zone: China Standard Time unless
/// <c>Jixiao:TimeZone</c> names another (an IANA id such as <c>Asia/Urumqi</c>).
/// </summary>
public sealed class LocalTime
{
    public LocalTime(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Zone = Find(configuration["Jixiao:TimeZone"]);
    }

    /// <summary>The zone pages show times in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The zone as pages label their times: <c>北京时间</c>, or 当地时间 with the zone's offset (<c>当地时间（UTC+06:00）</c>).</summary>
    public string Label => Zone.Id is "Asia/Shanghai" or "China Standard Time" or "Asia/Chongqing" or "PRC"
        ? "北京时间"
        : "当地时间（UTC" + (Zone.BaseUtcOffset < TimeSpan.Zero ? "-" : "+") + Zone.BaseUtcOffset.ToString(@"hh\:mm", CultureInfo.InvariantCulture) + "）";

    /// <summary>A stored time as the user reads it, to the minute or to the second.</summary>
    public string Time(DateTimeOffset at, bool seconds = false) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The date of a stored time in the user's zone.</summary>
    public string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeZoneInfo Find(string? id)
    {
        foreach (var candidate in new[] { id, "Asia/Shanghai" })
        {
            if (string.IsNullOrWhiteSpace(candidate))
            {
                continue;
            }

            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(candidate);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                // Fall through to Beijing time.
            }
        }

        // A machine without time zone data still shows Beijing time.
        return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
    }
}
