using System.Globalization;

namespace Jixiao.Web.Features.Shared;

/// <summary>How pages print amounts, scores, severities, rules and audit actions.</summary>
public static class Display
{
    /// <summary>A review rule by its Chinese title, never by its code.</summary>
    public static string Rule(string code) => Jixiao.Domain.Review.ReviewRules.Find(code)?.Title ?? "审核发现";

    /// <summary>What a finding's rule rests on and how to put it right, for the line under the finding; null for an unknown code.</summary>
    public static (string Basis, string Suggestion)? RuleHelp(string code) =>
        Jixiao.Domain.Review.ReviewRules.Find(code) is { } rule ? (rule.Basis, rule.Suggestion) : null;

    /// <summary>An audit action in Chinese.</summary>
    public static string Action(string action) => action switch
    {
        "document.import" => "导入",
        "document.replace" => "导入（替换）",
        "document.delete" => "删除表",
        "document.edit" => "修改",
        "document.submit" => "送审",
        "document.return" => "退回",
        "document.approve" => "批复",
        "document.adjust" => "调整",
        "project.edit" => "修改项目",
        "monitoring.save" => "保存运行监控",
        "monitoring.submit" => "运行监控送审",
        "monitoring.return" => "运行监控退回",
        "monitoring.approve" => "运行监控审定",
        "self-evaluation.save" => "保存绩效自评",
        "self-evaluation.submit" => "绩效自评送审",
        "self-evaluation.return" => "绩效自评退回",
        "self-evaluation.approve" => "绩效自评审定",
        "self-evaluation.import" => "导入绩效自评表",
        "token.create" => "创建令牌",
        "token.revoke" => "撤销令牌",
        "user.create" => "新增用户",
        "user.update" => "修改用户",
        "user.enable" => "启用用户",
        "user.disable" => "停用用户",
        "user.password" => "修改密码",
        "user.reset-password" => "重置密码",
        "unit.create" => "新增单位",
        "unit.move" => "调整单位",
        "access.denied" => "越权访问",
        "access.undeclared" => "未授权的地址",
        "csrf.refused" => "跨站请求被拒",
        "login.failed" => "登录失败",
        "login.locked-out" => "账户锁定",
        "token.invalid" => "令牌无效",
        "upload.busy" => "导入排队",
        "upload.refused" => "上传被拒",
        "upload.too-large" => "上传过大",
        _ => action.StartsWith("document.", StringComparison.Ordinal) ? "表的操作" : "其他操作",
    };

    /// <summary>An amount in fen as the table prints it in its unit; blank for no money.</summary>
    public static string Amount(long? fen, string amountUnit) =>
        fen is null ? "" : new Money(fen.Value).Format(amountUnit == nameof(AmountUnit.Yuan) ? AmountUnit.Yuan : AmountUnit.WanYuan);

    /// <summary>A count with thousands separators, as officials write it (<c>4,248</c>).</summary>
    public static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>万元 or 元.</summary>
    public static string UnitName(string amountUnit) => amountUnit == nameof(AmountUnit.Yuan) ? "元" : "万元";

    /// <summary>A size in bytes as MB, or KB under one MB.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";

    /// <summary>How sure the reader is of a form, in words and per cent (<c>高（95%）</c>); the summary table is read by its header, so 高.</summary>
    public static string Confidence(Jixiao.Domain.Documents.DocumentKind kind, decimal confidence)
    {
        if (kind == Jixiao.Domain.Documents.DocumentKind.Summary || confidence <= 0)
        {
            return "高（按表头识别）";
        }

        var words = confidence >= 0.9m ? "高" : confidence >= 0.6m ? "中" : "低";
        return words + "（" + (confidence * 100).ToString("0", CultureInfo.InvariantCulture) + "%）";
    }

    public static string Score(decimal score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>错误, 警告, 提示.</summary>
    public static string Severity(string severity) => severity switch
    {
        "error" => "错误",
        "warning" => "警告",
        _ => "提示",
    };
}
