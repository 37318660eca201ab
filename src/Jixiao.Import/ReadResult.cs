using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;

namespace Jixiao.Import;

/// <summary>
/// What a reader made of a file: the document when the file could be read at all (even with errors in
/// some rows), and every diagnostic in the order found.
/// </summary>
/// <param name="Document">The document; null when the file could not be read at all.</param>
/// <param name="Diagnostics">Problems found, with codes, severities, Chinese messages and locations.</param>
public sealed record ReadResult(TargetDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when a document came out of the file.</summary>
    public bool IsReadable => Document is not null;

    /// <summary>How sure the reader is that it read the file's form fully, 0–1 (1 for a summary table or the system's own JSON).</summary>
    public decimal Confidence { get; init; }

    /// <summary>What was read in the JSON shape of a document (<see cref="Contracts.DocumentJson"/>).</summary>
    public Contracts.DocumentDto ToJson() => Contracts.DocumentJson.ToDto(Document, Diagnostics, Confidence);

    /// <summary>The first error that stopped the file from being read, null when it was read.</summary>
    public Diagnostic? FatalError => Document is null ? Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) : null;
}
