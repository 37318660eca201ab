using System.Text;

namespace Jixiao.Import.Tests;

/// <summary>A read keeps each short indicator name and value once, however many projects repeat it.</summary>
public class SharedTextTests
{
    [Fact]
    public void RepeatedIndicatorNamesAndValues_AreOneStringEach()
    {
        var table = new StringBuilder("东岸区文化馆项目支出绩效目标表\n\n单位：万元\n\n项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n");
        for (var i = 1; i <= 3; i++)
        {
            // The same satisfaction indicator and value in each project; a count that differs.
            table.Append($"群众文化活动经费{i}\t{i * 10}.00\t{i * 10}.00\t\t\t举办群众文化活动，服务辖区居民。\t")
                .Append($"1、产出指标：举办活动场次，年度指标值：不少于{i * 12}场。2、满意度指标：服务对象满意度，年度指标值：≥95%。3、效益指标：活动开展情况，年度指标值：及时。\n");
        }

        var document = TableReader.Read(Encoding.UTF8.GetBytes(table.ToString()), "东岸区文化馆.txt").Document;
        Assert.NotNull(document);
        Assert.Equal(3, document.Projects.Count);
        var indicators = document.Projects.Select(p => p.Indicators).ToList();
        Assert.All(indicators, list => Assert.Equal(3, list.Count));

        // Equal texts in different projects are one string; different ones stay different.
        Assert.Same(indicators[0][1].Name, indicators[2][1].Name);
        Assert.Same(indicators[0][1].TargetText, indicators[1][1].TargetText);
        Assert.Same(indicators[0][2].TargetText, indicators[2][2].TargetText);
        Assert.Same(indicators[0][0].Name, indicators[1][0].Name);

        // The same value under the same name is parsed once; a value that differs has its own parse.
        Assert.Same(indicators[0][1].Target, indicators[2][1].Target);
        Assert.NotSame(indicators[0][0].Target, indicators[1][0].Target);
        Assert.Equal("不少于12场", indicators[0][0].TargetText);
        Assert.Equal("不少于24场", indicators[1][0].TargetText);
    }

    [Fact]
    public void OneIndicatorPerRow_RepeatedNamesAndValues_AreOneStringEach()
    {
        var table = new StringBuilder("单位名称：东岸区文化馆\n项目名称\t一级指标\t二级指标\t三级指标\t指标值\n");
        foreach (var project in new[] { "群众文化活动经费", "非遗保护经费" })
        {
            table.Append($"{project}\t产出指标\t数量指标\t举办活动场次\t不少于12场\n")
                .Append($"{project}\t满意度指标\t服务对象满意度指标\t服务对象满意度\t≥95%\n");
        }

        var document = TableReader.Read(Encoding.UTF8.GetBytes(table.ToString()), "东岸区文化馆.txt").Document;
        Assert.NotNull(document);
        Assert.Equal(2, document.Projects.Count);
        var (first, second) = (document.Projects[0].Indicators, document.Projects[1].Indicators);
        Assert.Equal(2, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Same(first[0].Name, second[0].Name);
        Assert.Same(first[0].TargetText, second[0].TargetText);
        Assert.Same(first[1].Name, second[1].Name);
        Assert.Same(first[1].TargetText, second[1].TargetText);
    }
}
