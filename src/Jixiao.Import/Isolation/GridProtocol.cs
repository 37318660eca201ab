using System.Text;
using System.Text.Json;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Isolation;

/// <summary>
/// How the reader worker passes grids back: one JSON object a line on its standard output —
/// <c>{"grid":"name"}</c> to start a grid, <c>{"row":12,"cells":[…],"origins":"OLA"}</c> a row (origins
/// only when merged: O own, L copied from the left, A from above), <c>{"refused":"code","reason":"…"}</c>
/// when the file cannot be read, and <c>{"end":true}</c> when all went well.
/// </summary>
internal static class GridProtocol
{
    /// <summary>The worker refuses a PDF with no text layer (a scan).</summary>
    public const string NoTextLayer = "no-text";

    /// <summary>The worker refuses a file its library could not read (damaged, or not of its kind).</summary>
    public const string Damaged = "damaged";

    /// <summary>Writes the grids as lines of <paramref name="output"/>, then the end line.</summary>
    public static void Write(Stream output, IEnumerable<Grid> grids)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var grid in grids)
        {
            Line(output, writer, w => w.WriteString("grid", grid.Name));
            foreach (var row in grid.Rows)
            {
                Line(output, writer, w =>
                {
                    w.WriteNumber("row", row.Line);
                    w.WriteStartArray("cells");
                    foreach (var cell in row.Cells)
                    {
                        w.WriteStringValue(cell);
                    }

                    w.WriteEndArray();
                    if (row.Origins is { } origins)
                    {
                        w.WriteString("origins", string.Concat(origins.Select(o => o switch
                        {
                            CellOrigin.Own => 'O',
                            CellOrigin.Left => 'L',
                            CellOrigin.Above => 'A',
                        })));
                    }
                });
            }
        }

        Line(output, writer, w => w.WriteBoolean("end", true));
    }

    /// <summary>Writes the refusal line.</summary>
    public static void Refuse(Stream output, string code, string reason)
    {
        using var writer = new Utf8JsonWriter(output);
        Line(output, writer, w =>
        {
            w.WriteString("refused", code);
            w.WriteString("reason", reason);
        });
    }

    private static void Line(Stream output, Utf8JsonWriter writer, Action<Utf8JsonWriter> body)
    {
        writer.Reset(output);
        writer.WriteStartObject();
        body(writer);
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>One line read back: a grid start, a row, a refusal or the end.</summary>
    public static (string? Grid, RawRow? Row, (string Code, string Reason)? Refused, bool End) Parse(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 4 });
        string? grid = null;
        string? refused = null;
        string? reason = null;
        var rowNumber = 0;
        List<string>? cells = null;
        string? origins = null;
        var end = false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Not an object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "grid":
                    grid = reader.GetString() ?? "";
                    break;
                case "row":
                    rowNumber = reader.GetInt32();
                    break;
                case "cells":
                    cells = [];
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        cells.Add(reader.GetString() ?? "");
                    }

                    break;
                case "origins":
                    origins = reader.GetString();
                    break;
                case "refused":
                    refused = reader.GetString();
                    break;
                case "reason":
                    reason = reader.GetString();
                    break;
                case "end":
                    end = reader.GetBoolean();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        RawRow? row = null;
        if (cells is not null)
        {
            var kinds = origins is { } o && o.Length == cells.Count
                ? o.Select(c => c switch { 'L' => CellOrigin.Left, 'A' => CellOrigin.Above, _ => CellOrigin.Own }).ToArray()
                : null;
            row = new RawRow(rowNumber, [.. cells], IsSheetRow: false, Origins: kinds);
        }

        return (grid, row, refused is null ? null : (refused, reason ?? ""), end);
    }

    /// <summary>The bytes of a line as text, for messages.</summary>
    public static string Text(ReadOnlySpan<byte> line) => Encoding.UTF8.GetString(line);
}
