using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Review;

namespace Jixiao.Contracts;

/// <summary>
/// The review as JSON, the shape <c>jixiao review --format json</c> prints and the API serves
/// (docs/review-rules.md). Documents keep the order given; projects keep table order; findings are by
/// document, unit findings first, then by project and indicator.
/// </summary>
public static class ReviewJson
{
    private static readonly ReviewJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Maps a report to its JSON form.</summary>
    public static ReviewDto ToDto(ReviewReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rowOf = report.Documents.SelectMany(d => d.Projects).ToDictionary(p => p.Project, p => p.Index + 1);
        return new ReviewDto(
            new RulesDto(report.Settings.Name, report.Settings.Region, report.Settings.Year),
            new CountsDto(report.Count(Severity.Error), report.Count(Severity.Warning), report.Count(Severity.Info)),
            report.Documents.Select(d => new ReviewDocumentDto(
                d.Document.Source.FileName,
                d.Document.Unit.Name,
                d.Document.Title,
                d.Score,
                new CountsDto(Count(d, Severity.Error), Count(d, Severity.Warning), Count(d, Severity.Info)),
                d.Projects.Select(p => new ReviewProjectDto(p.Project.Name, p.Index + 1, p.Project.Location.Line, p.Score, p.Findings.Count)).ToList())).ToList(),
            report.Findings.Select(f => new FindingDto(
                f.Code,
                f.Severity.JsonName(),
                f.Rule.Family.ToString().ToLowerInvariant(),
                f.Document.Source.FileName,
                f.Project?.Name,
                f.Project is null ? null : rowOf.GetValueOrDefault(f.Project),
                f.IndicatorSeq,
                f.Location.Line,
                f.Rule.Title,
                f.Message,
                f.Rule.Suggestion)).ToList(),
            report.Findings.Select(f => f.Rule).Distinct().OrderBy(r => r.Code, StringComparer.Ordinal)
                .Select(r => new RuleDetailDto(r.Code, r.Title, r.Family.ToString().ToLowerInvariant(), r.Explanation, report.Settings.BasisOf(r), r.Suggestion)).ToList());
    }

    /// <summary>The JSON text of <paramref name="report"/>.</summary>
    public static string Serialize(ReviewReport report) => JsonSerializer.Serialize(ToDto(report), Context.ReviewDto);

    /// <summary>Writes <paramref name="report"/> as indented UTF-8 JSON.</summary>
    public static void Write(Stream stream, ReviewReport report) => JsonSerializer.Serialize(stream, ToDto(report), Context.ReviewDto);

    /// <summary>Writes <paramref name="report"/> as indented JSON to a text writer, streaming rather than building one string.</summary>
    public static void Write(TextWriter writer, ReviewReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var stream = new BufferedStream(new TextWriterStream(writer), 1 << 16);
        Write(stream, report);
        stream.Flush();
        writer.WriteLine();
    }

    private static int Count(DocumentReview review, Severity severity) =>
        review.UnitFindings.Count(f => f.Severity == severity) + review.Projects.Sum(p => p.Findings.Count(f => f.Severity == severity));
}

/// <summary>The whole review.</summary>
/// <param name="Rules">The rules file used.</param>
/// <param name="Counts">Findings by severity over all documents.</param>
/// <param name="Documents">One entry per document.</param>
/// <param name="Findings">Every finding.</param>
/// <param name="RuleDetails">What each rule that found something checks and rests on, once per rule, by code.</param>
public sealed record ReviewDto(RulesDto Rules, CountsDto Counts, IReadOnlyList<ReviewDocumentDto> Documents, IReadOnlyList<FindingDto> Findings, IReadOnlyList<RuleDetailDto> RuleDetails);

/// <summary>A rule that found something.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Title">Its title.</param>
/// <param name="Family">Its family.</param>
/// <param name="Explanation">What it checks.</param>
/// <param name="Basis">The rule or practice it rests on.</param>
/// <param name="Suggestion">The fix it suggests.</param>
public sealed record RuleDetailDto(string Code, string Title, string Family, string Explanation, string Basis, string Suggestion);

/// <summary>Which rules file was used.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Region">Its region.</param>
/// <param name="Year">Its year, null for any.</param>
public sealed record RulesDto(string Name, string Region, int? Year);

/// <summary>Findings by severity.</summary>
/// <param name="Error">Errors.</param>
/// <param name="Warning">Warnings.</param>
/// <param name="Info">Infos.</param>
public sealed record CountsDto(int Error, int Warning, int Info);

/// <summary>One reviewed document.</summary>
/// <param name="File">Its file name.</param>
/// <param name="UnitName">单位名称.</param>
/// <param name="Title">The title line.</param>
/// <param name="Score">Quality score 0–100.</param>
/// <param name="Counts">Its findings by severity.</param>
/// <param name="Projects">Its projects in table order.</param>
public sealed record ReviewDocumentDto(string File, string UnitName, string Title, decimal Score, CountsDto Counts, IReadOnlyList<ReviewProjectDto> Projects);

/// <summary>One reviewed project.</summary>
/// <param name="Name">项目名称.</param>
/// <param name="Index">1-based position in the document.</param>
/// <param name="Line">Source line, when known.</param>
/// <param name="Score">Quality score 0–100.</param>
/// <param name="FindingCount">How many findings it has.</param>
public sealed record ReviewProjectDto(string Name, int Index, int? Line, decimal Score, int FindingCount);

/// <summary>One finding.</summary>
/// <param name="Code">Rule code.</param>
/// <param name="Severity">error, warning or info.</param>
/// <param name="Family">arithmetic, completeness, quantification, appropriateness, consistency or copying.</param>
/// <param name="File">The document's file name.</param>
/// <param name="Project">The project's name, null for the unit.</param>
/// <param name="ProjectIndex">The project's 1-based position, null for the unit.</param>
/// <param name="IndicatorSeq">The indicator's sequence number, null unless about one indicator.</param>
/// <param name="Line">Source line, when known.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Message">What was found, with the figures.</param>
/// <param name="Suggestion">The suggested fix.</param>
public sealed record FindingDto(
    string Code,
    string Severity,
    string Family,
    string File,
    string? Project,
    int? ProjectIndex,
    int? IndicatorSeq,
    int? Line,
    string Title,
    string Message,
    string Suggestion);

[JsonSerializable(typeof(ReviewDto))]
internal sealed partial class ReviewJsonContext : JsonSerializerContext;
