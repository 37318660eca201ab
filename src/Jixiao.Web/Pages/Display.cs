using System.Globalization;
using Jixiao.Domain.Amounts;

namespace Jixiao.Web.Pages;

/// <summary>How pages print amounts, scores and severities.</summary>
public static class Display
{
    /// <summary>An amount in fen as the table prints it in its unit; blank for no money.</summary>
    public static string Amount(long? fen, string amountUnit) =>
        fen is null ? "" : new Money(fen.Value).Format(amountUnit == nameof(AmountUnit.Yuan) ? AmountUnit.Yuan : AmountUnit.WanYuan);

    /// <summary>万元 or 元.</summary>
    public static string UnitName(string amountUnit) => amountUnit == nameof(AmountUnit.Yuan) ? "元" : "万元";

    /// <summary>A size in bytes as MB, or KB under one MB.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";

    public static string Score(decimal score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>错误, 警告, 提示.</summary>
    public static string Severity(string severity) => severity switch
    {
        "error" => "错误",
        "warning" => "警告",
        _ => "提示",
    };
}
