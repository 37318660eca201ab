namespace Jixiao.Domain.Diagnostics;

/// <summary>
/// The catalogue of every diagnostic the readers report: one place for codes, severities and Chinese
/// wording. Tests assert codes; the wording may change without breaking them.
/// </summary>
public static class Messages
{
    private const Severity E = Severity.Error;
    private const Severity W = Severity.Warning;
    private const Severity I = Severity.Info;

    /// <summary>The file has no content.</summary>
    public static readonly DiagnosticDescriptor FileEmpty = new("FILE-EMPTY", E, "文件为空，没有可读取的内容。");

    /// <summary>The file is binary where text was expected.</summary>
    public static readonly DiagnosticDescriptor FileBinary = new("FILE-BINARY", E, "文件含有二进制内容，不是文本表格，无法读取。请提供 .txt、.csv 或 .xlsx 格式的绩效目标表。");

    /// <summary>The text was not UTF-8 and was decoded as GB18030.</summary>
    public static readonly DiagnosticDescriptor FileEncoding = new("FILE-ENCODING", I, "文件不是 UTF-8 编码，已按 GB18030（GBK）编码读取。");

    /// <summary>The file extension is not one the reader handles.</summary>
    public static readonly DiagnosticDescriptor FileUnsupported = new("FILE-UNSUPPORTED", E, "不支持的文件类型：{0}。请另存为 .xlsx、.docx、.csv 或 .txt 格式后再导入。");

    /// <summary>The file is larger than the configured limit.</summary>
    public static readonly DiagnosticDescriptor FileTooLarge = new("FILE-TOO-LARGE", E, "文件大小 {0} 超过上限 {1}，未读取。");

    /// <summary>The worker that reads a kind of file is not installed beside the application.</summary>
    public static readonly DiagnosticDescriptor FileReaderMissing = new("FILE-READER-MISSING", E, "本机缺少读取{0}的组件，无法读取。请另存为 .xlsx 或 .docx 格式后再导入。");

    /// <summary>The worker reading a file failed (the file is damaged, or needed more memory than allowed).</summary>
    public static readonly DiagnosticDescriptor FileReaderFailed = new("FILE-READER-FAILED", E, "无法读取该{0}：文件可能已损坏，或读取它需要的内存超出了上限。请另存为 .xlsx 或 .docx 格式后再导入。");

    /// <summary>The file could not be opened at all.</summary>
    public static readonly DiagnosticDescriptor FileUnreadable = new("FILE-UNREADABLE", E, "无法打开文件：{0}");

    /// <summary>An .xlsx that is not a ZIP package.</summary>
    public static readonly DiagnosticDescriptor XlsxNotZip = new("XLSX-NOT-ZIP", E, "文件不是有效的 .xlsx 工作簿或 .docx 文档（不是 ZIP 压缩格式），可能是改了扩展名的其他文件。");

    /// <summary>An .xlsx whose package or XML is broken.</summary>
    public static readonly DiagnosticDescriptor XlsxCorrupt = new("XLSX-CORRUPT", E, "文件已损坏，无法读取（{0}）。");


    /// <summary>A workbook without any worksheet.</summary>
    public static readonly DiagnosticDescriptor XlsxNoSheet = new("XLSX-NO-SHEET", E, "工作簿中没有工作表。");

    /// <summary>No header row was found.</summary>
    public static readonly DiagnosticDescriptor HeaderNotFound = new("TABLE-HEADER-NOT-FOUND", E, "未找到表头行：应有一行包含“项目名称”“总计”“财政拨款”“财政专户拨款”“其他资金”“绩效目标”“绩效指标”等列。");

    /// <summary>A header cell not recognised by its name, taken for a column by its position.</summary>
    public static readonly DiagnosticDescriptor HeaderInferred = new("TABLE-HEADER-INFERRED", W, "表头“{0}”无法识别，按所在位置视为“{1}”列。");

    /// <summary>A header broken over two lines, put back together.</summary>
    public static readonly DiagnosticDescriptor HeaderJoined = new("TABLE-HEADER-JOINED", I, "表头被断成两行（与第 {0} 行），已合并为一行读取。");

    /// <summary>A column the reader needs to build projects is missing.</summary>
    public static readonly DiagnosticDescriptor ColumnMissing = new("TABLE-COLUMN-MISSING", E, "表头缺少“{0}”列，无法读取项目。");

    /// <summary>An amount column is missing; its amounts are read as blank.</summary>
    public static readonly DiagnosticDescriptor AmountColumnMissing = new("TABLE-AMOUNT-COLUMN-MISSING", W, "表头缺少“{0}”列，各项目的该项金额按空白处理。");

    /// <summary>The goal column is missing; goals are read as blank.</summary>
    public static readonly DiagnosticDescriptor GoalColumnMissing = new("TABLE-GOAL-COLUMN-MISSING", W, "表头缺少“绩效目标”列，各项目的绩效目标按空白处理。");

    /// <summary>No title line before the header.</summary>
    public static readonly DiagnosticDescriptor TitleMissing = new("TABLE-TITLE-MISSING", W, "未找到表格标题（如“项目支出绩效目标表”）。");

    /// <summary>No 单位名称 line; the unit name was taken from the summary row.</summary>
    public static readonly DiagnosticDescriptor UnitNameMissing = new("TABLE-UNIT-NAME-MISSING", W, "未找到“单位名称：”行，单位名称取自汇总行“{0}”。");

    /// <summary>No 单位：万元 line.</summary>
    public static readonly DiagnosticDescriptor AmountUnitMissing = new("TABLE-AMOUNT-UNIT-MISSING", I, "未找到“单位：万元”行，金额按万元读取。");

    /// <summary>The amount unit line names a unit the reader does not know.</summary>
    public static readonly DiagnosticDescriptor AmountUnitUnknown = new("TABLE-AMOUNT-UNIT-UNKNOWN", W, "无法识别金额单位“{0}”，金额按万元读取。");

    /// <summary>Text before the header row that is neither title nor unit line.</summary>
    public static readonly DiagnosticDescriptor TextIgnored = new("TABLE-TEXT-IGNORED", I, "表头前的文字“{0}”未能识别，已忽略。");

    /// <summary>The header row appears again (a page break in the source).</summary>
    public static readonly DiagnosticDescriptor HeaderRepeated = new("TABLE-HEADER-REPEATED", I, "表头行重复出现（分页所致），已跳过。");

    /// <summary>The table has a header but no project rows.</summary>
    public static readonly DiagnosticDescriptor NoProjects = new("TABLE-NO-PROJECTS", W, "表中没有项目行。");

    /// <summary>No unit summary row was found.</summary>
    public static readonly DiagnosticDescriptor SummaryMissing = new("TABLE-SUMMARY-MISSING", I, "未找到单位汇总行（单位名称及各项资金合计）。");

    /// <summary>The read ran into one of its limits (rows, cells, characters, unzipped size, nesting, projects, time).</summary>
    public static readonly DiagnosticDescriptor ReadLimit = new("READ-LIMIT", E, "文件超出读取上限：{0}。为保护服务器，已停止读取，未导入任何内容；请拆分成较小的文件分别导入，或请管理员调高上限。");

    /// <summary>Bytes that decode to no character in the file's encoding; only their line is affected.</summary>
    public static readonly DiagnosticDescriptor TextBadBytes = new("TEXT-BAD-BYTES", W, "该行有 {0} 处无法识别的字节（文件可能已损坏），已替换为“\uFFFD”，该行其余内容照常读取。");

    /// <summary>One line is in another encoding than the rest of the file (pasted from another file).</summary>
    public static readonly DiagnosticDescriptor TextLineEncoding = new("TEXT-LINE-ENCODING", I, "该行与文件其余部分的编码不同，已按 {0} 编码读取。");

    /// <summary>The last character of the file is cut off.</summary>
    public static readonly DiagnosticDescriptor FileTruncated = new("FILE-TRUNCATED", W, "文件末尾的字符不完整（文件可能被截断），已忽略该字符。");

    /// <summary>Traditional characters (or a converter's pinyin) read as simplified Chinese.</summary>
    public static readonly DiagnosticDescriptor TextTraditional = new("TEXT-TRADITIONAL", I, "表中有繁体字（或转换软件插入的拼音），已按简体字读取。");

    /// <summary>Control characters (NUL and the like) inside cells, removed.</summary>
    public static readonly DiagnosticDescriptor TextControlCharacters = new("TEXT-CONTROL-CHARS", W, "该行有 {0} 个控制字符（如 NUL），不是正常的文字，已删除。");

    /// <summary>A row with fewer cells than the header.</summary>
    public static readonly DiagnosticDescriptor RowTooFewCells = new("ROW-TOO-FEW-CELLS", E, "该行只有 {0} 列，少于表头的 {1} 列，无法对应各列，已跳过：“{2}”。");

    /// <summary>A row with more cells than the header.</summary>
    public static readonly DiagnosticDescriptor RowTooManyCells = new("ROW-TOO-MANY-CELLS", W, "该行有 {0} 列，多于表头的 {1} 列，多出的内容已忽略：“{2}”。");

    /// <summary>A row without a project name.</summary>
    public static readonly DiagnosticDescriptor RowNameMissing = new("ROW-NAME-MISSING", E, "该行缺少项目名称，已跳过。");

    /// <summary>A cell longer than the limit.</summary>
    public static readonly DiagnosticDescriptor CellTooLong = new("ROW-CELL-TOO-LONG", E, "单元格超过 {0} 字的长度上限，该行已跳过。");

    /// <summary>An amount cell that is not a number.</summary>
    public static readonly DiagnosticDescriptor AmountInvalid = new("AMOUNT-INVALID", E, "“{0}”列的内容“{1}”不是金额，按空白（无此来源资金）处理。");

    /// <summary>An amount finer than one fen.</summary>
    public static readonly DiagnosticDescriptor AmountPrecision = new("AMOUNT-PRECISION", E, "“{0}”列的金额“{1}”精度超过 1 分，无法精确表示，按空白处理。");

    /// <summary>A negative amount.</summary>
    public static readonly DiagnosticDescriptor AmountNegative = new("AMOUNT-NEGATIVE", W, "“{0}”列的金额“{1}”为负数。");

    /// <summary>An indicator cell with no recognisable numbered item.</summary>
    public static readonly DiagnosticDescriptor IndicatorCellUnreadable = new("IND-CELL-UNREADABLE", W, "绩效指标单元格无法识别（应为“1、产出指标：指标名称，年度指标值：指标值。”），该项目未读取到指标：“{0}”。");

    /// <summary>Text in an indicator cell that belongs to no item.</summary>
    public static readonly DiagnosticDescriptor IndicatorTextIgnored = new("IND-TEXT-IGNORED", W, "绩效指标单元格开头的文字“{0}”不属于任何指标，已忽略。");

    /// <summary>An indicator number out of sequence.</summary>
    public static readonly DiagnosticDescriptor IndicatorSeqUnexpected = new("IND-SEQ-UNEXPECTED", I, "指标序号 {0} 与预期的 {1} 不一致。");

    /// <summary>An indicator item without the 年度指标值 label.</summary>
    public static readonly DiagnosticDescriptor IndicatorTargetLabelMissing = new("IND-TARGET-LABEL-MISSING", W, "第 {0} 项指标缺少“年度指标值：”，整段作为指标名称，指标值按缺失处理。");

    /// <summary>An indicator category that is not 产出/效益/满意度/成本.</summary>
    public static readonly DiagnosticDescriptor IndicatorLevel1Unknown = new("IND-LEVEL1-UNKNOWN", W, "第 {0} 项指标的类别“{1}”无法识别（应为产出指标、效益指标、满意度指标或成本指标），已跳过。");

    /// <summary>An indicator item without a name.</summary>
    public static readonly DiagnosticDescriptor IndicatorNameMissing = new("IND-NAME-MISSING", W, "第 {0} 项指标缺少指标名称。");

    /// <summary>A per-project form whose indicator grid was not found.</summary>
    public static readonly DiagnosticDescriptor FormNoIndicators = new("FORM-NO-INDICATORS", W, "项目“{0}”的表中没有找到绩效指标表格（一级指标、二级指标、三级指标、指标值），该项目未读取到指标。");

    /// <summary>A per-project form without a 项目名称.</summary>
    public static readonly DiagnosticDescriptor FormNameMissing = new("FORM-NAME-MISSING", W, "从这里开始的项目表没有“项目名称”，该项目无法读取。");

    /// <summary>A file of per-project forms from which no project could be read.</summary>
    public static readonly DiagnosticDescriptor FormNoProjects = new("FORM-NO-PROJECTS", E, "文件像是项目支出绩效目标表（每个项目一张），但没有读到任何项目：没有找到“项目名称”。");

    /// <summary>Per-project forms that name no 实施单位 or 主管部门: the table's unit is unknown.</summary>
    public static readonly DiagnosticDescriptor FormUnitMissing = new("FORM-UNIT-MISSING", W, "各项目表都没有写明实施单位或主管部门，无法确定这张表属于哪个单位。");

    /// <summary>An indicator row of a per-project form whose level 1 is unknown.</summary>
    public static readonly DiagnosticDescriptor FormLevel1Unknown = new("FORM-LEVEL1-UNKNOWN", W, "一级指标“{0}”无法识别（应为产出、效益、满意度或成本指标），指标“{1}”已跳过。");

    /// <summary>The form a file was read as, and how fully.</summary>
    public static readonly DiagnosticDescriptor FormRecognised = new("FORM-RECOGNISED", I, "按“{0}”表样读取，读出 {1} 个项目；识别把握 {2}。");

    /// <summary>A prose item with a comparator whose indicator name or value could not be told apart.</summary>
    public static readonly DiagnosticDescriptor ProseItemUnread = new("PROSE-ITEM-UNREAD", W, "“{0}”分不出指标名称和指标值，未作为指标读取，请核对原文。");

    /// <summary>Prose longer than a notice ever is: the rest is not read.</summary>
    public static readonly DiagnosticDescriptor ProseTruncated = new("PROSE-TRUNCATED", W, "文字叙述过长，第 {0} 行以后的内容未读取。");

    /// <summary>Page numbers, running heads and a web page's navigation among the rows, passed over.</summary>
    public static readonly DiagnosticDescriptor TextFurniture = new("TEXT-FURNITURE", I, "页码、页眉页脚或网页导航等内容已忽略（共 {0} 处，首处：“{1}”）。");

    /// <summary>An amount in a 万元 table so large it was probably written in 元.</summary>
    public static readonly DiagnosticDescriptor AmountLooksLikeYuan = new("AMOUNT-YUAN-IN-WANYUAN", W, "“{0}”的金额 {1} 万元大得不合常理（约为其他项目的 {2} 倍），可能是按元填写的；未作换算，请核对。");

    /// <summary>A rate whose target is a bare 1 (100 % in some tables, 1 % in others).</summary>
    public static readonly DiagnosticDescriptor RateBareOne = new("IND-RATE-BARE-ONE", W, "指标“{0}”是比率，指标值却只写了“{1}”：若指 100%，请写作“100%”；未作换算，按所写读取。");

    /// <summary>A table that stops mid-row: what was read is kept.</summary>
    public static readonly DiagnosticDescriptor TableTruncated = new("TABLE-TRUNCATED", W, "表格在此处中断（最后一行不完整，文件可能不全），已保留此前读到的 {0} 个项目、{1} 条指标。");

    /// <summary>A summary row copied one cell per line whose amounts cannot be told apart (blank cells left no line).</summary>
    public static readonly DiagnosticDescriptor AmountColumnsUnclear = new("AMOUNT-COLUMNS-UNCLEAR", W, "“{0}”的金额逐行排列且空白单元格已丢失，无法确定“{1}”属于哪个资金来源，只按第一个金额读取总计，其余未读取，请核对。");

    /// <summary>An indicator item with no 年度指标值 label whose value was found at its comparator or number.</summary>
    public static readonly DiagnosticDescriptor IndicatorTargetLabelInferred = new("IND-TARGET-LABEL-INFERRED", I, "第 {0} 项指标缺少“年度指标值：”，按比较符号或数值分出指标值“{1}”。");

    /// <summary>A JSON file that does not parse.</summary>
    public static readonly DiagnosticDescriptor JsonInvalid = new("JSON-INVALID", E, "JSON 文件无法读取：{0}。");

    /// <summary>JSON that is not a document this system exported.</summary>
    public static readonly DiagnosticDescriptor JsonNotDocument = new("JSON-NOT-DOCUMENT", E, "JSON 文件不是本系统导出的绩效目标表，无法导入。请导入本系统导出的 JSON，或 .xlsx、.csv、.txt 格式的表。");

    /// <summary>A project or indicator of a JSON document that cannot be taken.</summary>
    public static readonly DiagnosticDescriptor JsonItemSkipped = new("JSON-ITEM-SKIPPED", W, "{0}{1}，已跳过。");

    /// <summary>A level 2 in a JSON document that is unknown or belongs to another level 1.</summary>
    public static readonly DiagnosticDescriptor JsonLevel2Dropped = new("JSON-LEVEL2-DROPPED", W, "{0}的二级指标“{1}”无法识别或不属于其一级指标，改为按名称推断。");

    /// <summary>Every descriptor, for documentation and tests.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        FileEmpty, FileBinary, FileEncoding, FileUnsupported, FileTooLarge, FileUnreadable, FileReaderMissing, FileReaderFailed,
        XlsxNotZip, XlsxCorrupt, XlsxNoSheet, ReadLimit, TextBadBytes, TextLineEncoding, FileTruncated, TextControlCharacters, TextTraditional,
        HeaderNotFound, HeaderInferred, HeaderJoined, ColumnMissing, AmountColumnMissing, GoalColumnMissing, TitleMissing, UnitNameMissing, AmountUnitMissing,
        AmountUnitUnknown, TextIgnored, HeaderRepeated, NoProjects, SummaryMissing,
        RowTooFewCells, RowTooManyCells, RowNameMissing, CellTooLong,
        AmountInvalid, AmountPrecision, AmountNegative,
        IndicatorCellUnreadable, IndicatorTextIgnored, IndicatorSeqUnexpected, IndicatorTargetLabelMissing,
        IndicatorLevel1Unknown, IndicatorNameMissing,
        FormNoIndicators, FormNameMissing, FormNoProjects, FormUnitMissing, FormLevel1Unknown, FormRecognised, ProseItemUnread, ProseTruncated, TextFurniture, AmountLooksLikeYuan, RateBareOne, TableTruncated, AmountColumnsUnclear, IndicatorTargetLabelInferred,
        JsonInvalid, JsonNotDocument, JsonItemSkipped, JsonLevel2Dropped,
    ];
}
