using System.Globalization;
using Jixiao.Import;

namespace Jixiao.Web.Features.Documents;

/// <summary>
/// What one upload may cost and how many are read at once, from <c>Jixiao:Import</c> (and the older
/// <c>Jixiao:MaxUploadBytes</c>), over <see cref="ReadOptions.Upload"/>. Read once at start.
/// </summary>
public sealed class ImportSettings
{
    public ImportSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Jixiao:Import");
        var upload = ReadOptions.Upload;
        Options = upload with
        {
            MaxFileBytes = configuration.GetValue("Jixiao:MaxUploadBytes", upload.MaxFileBytes),
            MaxRows = section.GetValue(nameof(ReadOptions.MaxRows), upload.MaxRows),
            MaxCells = section.GetValue(nameof(ReadOptions.MaxCells), upload.MaxCells),
            MaxCharacters = section.GetValue(nameof(ReadOptions.MaxCharacters), upload.MaxCharacters),
            MaxCellLength = section.GetValue(nameof(ReadOptions.MaxCellLength), upload.MaxCellLength),
            MaxUncompressedBytes = section.GetValue(nameof(ReadOptions.MaxUncompressedBytes), upload.MaxUncompressedBytes),
            MaxProjects = section.GetValue(nameof(ReadOptions.MaxProjects), upload.MaxProjects),
            MaxIndicators = section.GetValue(nameof(ReadOptions.MaxIndicators), upload.MaxIndicators),
            MaxTime = TimeSpan.FromSeconds(section.GetValue("MaxSeconds", (int)upload.MaxTime.TotalSeconds)),
        };
        MaxConcurrent = Math.Max(1, section.GetValue("MaxConcurrent", 2));
        QueueWait = TimeSpan.FromSeconds(Math.Max(0, section.GetValue("QueueSeconds", 15)));
        RetryAfterSeconds = Math.Max(1, section.GetValue("RetryAfterSeconds", 30));
    }

    /// <summary>The reader's limits for one upload.</summary>
    public ReadOptions Options { get; }

    /// <summary>Uploads read, reviewed or stored at the same time on this server (default 2).</summary>
    public int MaxConcurrent { get; }

    /// <summary>How long an upload waits for its turn before it is turned away (default 15 s).</summary>
    public TimeSpan QueueWait { get; }

    /// <summary>What <c>Retry-After</c> tells a client turned away (default 30 s).</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>The Chinese reason given to an upload turned away.</summary>
    public string BusyMessage => string.Create(CultureInfo.InvariantCulture,
        $"服务器正在处理其他导入（同时最多 {MaxConcurrent} 个），请 {RetryAfterSeconds} 秒后再试。文件未导入。");
}

/// <summary>
/// Lets at most <see cref="ImportSettings.MaxConcurrent"/> uploads be read, reviewed or stored at once,
/// so that memory stays within that many times what one upload may cost. A caller waits its turn for up
/// to <see cref="ImportSettings.QueueWait"/>, then is turned away (the doors answer 429 with Retry-After).
/// One per server process.
/// </summary>
public sealed class ImportGate(ImportSettings settings) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(settings.MaxConcurrent, settings.MaxConcurrent);

    private long _finished;

    /// <summary>How many uploads have finished their turn since the server started.</summary>
    public long Finished => Interlocked.Read(ref _finished);

    /// <summary>True when no upload holds a turn.</summary>
    public bool Idle => _slots.CurrentCount == settings.MaxConcurrent;

    /// <summary>A turn, to be disposed when the upload is done; null when none came free in time.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(settings.QueueWait, cancellationToken))
        {
            return null;
        }

        return new Turn(this);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Turn(ImportGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Increment(ref gate._finished);
                gate._slots.Release();
            }
        }
    }
}
