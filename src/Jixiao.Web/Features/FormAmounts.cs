using Jixiao.Import.Tables;

namespace Jixiao.Web.Features;

/// <summary>Amounts typed into a form or an API body: read as the table reader reads a cell, with a Chinese message naming the field.</summary>
internal static class FormAmounts
{
    /// <summary>The amount in <paramref name="text"/>; null for a blank field, or with a message added when it is not an amount.</summary>
    public static Money? Parse(string? text, string label, AmountUnit unit, ICollection<string> errors)
    {
        switch (AmountParser.Parse(text ?? "", unit, out var money))
        {
            case AmountParser.Outcome.None:
                return null;
            case AmountParser.Outcome.Amount:
                return money;
            case AmountParser.Outcome.TooPrecise:
                errors.Add($"{label}“{text}”精度超过了分，或数额过大。");
                return null;
            default:
                errors.Add($"{label}“{text}”不是金额，请填写数字，如 1,250.30；没有请留空。");
                return null;
        }
    }
}
