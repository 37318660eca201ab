namespace Jixiao.Domain.Indicators;

/// <summary>一级指标: the level-1 category of an indicator.</summary>
public enum Level1
{
    /// <summary>产出指标.</summary>
    Output,

    /// <summary>效益指标.</summary>
    Benefit,

    /// <summary>满意度指标.</summary>
    Satisfaction,

    /// <summary>成本指标 (2021 scheme, 财预〔2021〕101号).</summary>
    Cost,
}

/// <summary>二级指标: the level-2 category under a <see cref="Level1"/>.</summary>
public enum Level2
{
    /// <summary>数量指标 (产出).</summary>
    Quantity,

    /// <summary>质量指标 (产出).</summary>
    Quality,

    /// <summary>时效指标 (产出).</summary>
    Timeliness,

    /// <summary>成本指标 (产出, 2015 scheme).</summary>
    Cost,

    /// <summary>经济效益指标 (效益).</summary>
    Economic,

    /// <summary>社会效益指标 (效益).</summary>
    Social,

    /// <summary>生态效益指标 (效益).</summary>
    Ecological,

    /// <summary>可持续影响指标 (效益).</summary>
    Sustainability,

    /// <summary>服务对象满意度指标 (满意度).</summary>
    Satisfaction,

    /// <summary>经济成本指标 (成本).</summary>
    EconomicCost,

    /// <summary>社会成本指标 (成本).</summary>
    SocialCost,

    /// <summary>生态环境成本指标 (成本).</summary>
    EcoCost,
}

/// <summary>Chinese labels and JSON names of the levels.</summary>
public static class LevelNames
{
    /// <summary>Short Chinese label: 产出, 效益, 满意度, 成本.</summary>
    public static string Chinese(this Level1 level) => level switch
    {
        Level1.Output => "产出",
        Level1.Benefit => "效益",
        Level1.Satisfaction => "满意度",
        Level1.Cost => "成本",
    };

    /// <summary>Short Chinese label: 数量, 质量, 时效, 经济效益….</summary>
    public static string Chinese(this Level2 level) => level switch
    {
        Level2.Quantity => "数量",
        Level2.Quality => "质量",
        Level2.Timeliness => "时效",
        Level2.Cost => "成本",
        Level2.Economic => "经济效益",
        Level2.Social => "社会效益",
        Level2.Ecological => "生态效益",
        Level2.Sustainability => "可持续影响",
        Level2.Satisfaction => "服务对象满意度",
        Level2.EconomicCost => "经济成本",
        Level2.SocialCost => "社会成本",
        Level2.EcoCost => "生态环境成本",
    };

    /// <summary>JSON name: output, benefit, satisfaction, cost.</summary>
    public static string JsonName(this Level1 level) => level switch
    {
        Level1.Output => "output",
        Level1.Benefit => "benefit",
        Level1.Satisfaction => "satisfaction",
        Level1.Cost => "cost",
    };

    /// <summary>JSON name: quantity, quality, timeliness, cost, economic, social, ecological, sustainability, satisfaction, economicCost, socialCost, ecoCost.</summary>
    public static string JsonName(this Level2 level) => level switch
    {
        Level2.Quantity => "quantity",
        Level2.Quality => "quality",
        Level2.Timeliness => "timeliness",
        Level2.Cost => "cost",
        Level2.Economic => "economic",
        Level2.Social => "social",
        Level2.Ecological => "ecological",
        Level2.Sustainability => "sustainability",
        Level2.Satisfaction => "satisfaction",
        Level2.EconomicCost => "economicCost",
        Level2.SocialCost => "socialCost",
        Level2.EcoCost => "ecoCost",
    };

    /// <summary>The level 1 whose JSON name is <paramref name="jsonName"/> (<c>output</c>…).</summary>
    public static bool TryParseLevel1(string jsonName, out Level1 level) => TryParse(jsonName, JsonName, out level);

    /// <summary>The level 2 whose JSON name is <paramref name="jsonName"/> (<c>quantity</c>…).</summary>
    public static bool TryParseLevel2(string jsonName, out Level2 level) => TryParse(jsonName, JsonName, out level);

    private static bool TryParse<T>(string jsonName, Func<T, string> name, out T level)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (name(value) == jsonName)
            {
                level = value;
                return true;
            }
        }

        level = default;
        return false;
    }

    /// <summary>The level 1 a level 2 belongs to.</summary>
    public static Level1 Parent(this Level2 level) => level switch
    {
        Level2.Quantity or Level2.Quality or Level2.Timeliness or Level2.Cost => Level1.Output,
        Level2.Economic or Level2.Social or Level2.Ecological or Level2.Sustainability => Level1.Benefit,
        Level2.Satisfaction => Level1.Satisfaction,
        Level2.EconomicCost or Level2.SocialCost or Level2.EcoCost => Level1.Cost,
    };
}
