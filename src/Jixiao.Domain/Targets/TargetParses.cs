namespace Jixiao.Domain.Targets;

/// <summary>
/// Parses of short target values kept for one batch of work (one read of a table): a table repeats the
/// same value under the same indicator name (≥95% under 服务对象满意度, 及时 under 完成及时性) project after
/// project, and a <see cref="Target"/> is immutable, so each pair is parsed once and the parse shared.
/// Bounded: pairs longer than <see cref="MaxLength"/> are parsed each time, and past
/// <see cref="MaxEntries"/> pairs new ones are parsed as usual.
/// </summary>
public sealed class TargetParses
{
    /// <summary>The longest value, and the longest name, whose parse is kept.</summary>
    public const int MaxLength = 24;

    /// <summary>The most parses held.</summary>
    public const int MaxEntries = 8192;

    private readonly Dictionary<(string Text, string Name), (Target Target, string? NameUnit)> _held = [];

    /// <summary>How many parses were taken from those held rather than made.</summary>
    public int Reused { get; private set; }

    /// <summary>What <see cref="TargetGrammar.Parse"/> and <see cref="TargetGrammar.UnitInName"/> give for <paramref name="text"/> under <paramref name="name"/>.</summary>
    public (Target Target, string? NameUnit) Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        if (text.Length > MaxLength || name.Length > MaxLength)
        {
            return (TargetGrammar.Parse(text, name), TargetGrammar.UnitInName(name));
        }

        if (_held.TryGetValue((text, name), out var held))
        {
            Reused++;
            return held;
        }

        var made = (TargetGrammar.Parse(text, name), TargetGrammar.UnitInName(name));
        if (_held.Count < MaxEntries)
        {
            _held.Add((text, name), made);
        }

        return made;
    }
}
