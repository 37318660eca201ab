namespace Jixiao.Contracts;

/// <summary>A project in a search result.</summary>
public sealed record ProjectListItemDto(int Id, int DocumentId, string UnitName, int? Year, string Name, decimal? Total, decimal? FiscalAppropriation,
    decimal? SpecialAccount, decimal? OtherFunds, int Indicators, decimal Score, int Findings);

/// <summary>One page of a project search.</summary>
public sealed record ProjectPageDto(int Total, int Page, int PageSize, IReadOnlyList<ProjectListItemDto> Items);

/// <summary>A finding on a project.</summary>
public sealed record ProjectFindingDto(string Code, string Severity, int? IndicatorSeq, string Message);

/// <summary>A project with its indicators (with ids), findings and version (also sent as the ETag).</summary>
public sealed record ProjectDetailDto(int Id, int DocumentId, string UnitName, string AmountUnit, int Version, string Name, decimal? Total,
    decimal? FiscalAppropriation, decimal? SpecialAccount, decimal? OtherFunds, string Goal, decimal Score,
    IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<ProjectFindingDto> Findings)
{
    /// <summary>What a per-project form said besides name, money and goal; null (and left out) when nothing.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public AttributesDto? Attributes { get; init; }
}

/// <summary>How a target text reads.</summary>
/// <param name="Kind">quantitative, qualitative or missing.</param>
/// <param name="Form">For qualitative targets: statement, relative, question or definition.</param>
/// <param name="Reading">The reading in Chinese, as the pages show it.</param>
public sealed record TargetPreviewDto(string Kind, string? Form, string Reading);
