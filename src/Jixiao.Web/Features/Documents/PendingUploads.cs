namespace Jixiao.Web.Features.Documents;

/// <summary>
/// Uploads held between the preview and the confirmation, as files under a temporary folder named by a
/// random token. Nothing reaches the database until the user confirms; held files older than a day are
/// removed whenever a new one is held.
/// </summary>
public sealed class PendingUploads
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private readonly string _folder;
    private readonly TimeProvider _time;

    public PendingUploads(IConfiguration configuration, TimeProvider time)
    {
        _folder = configuration["Jixiao:PendingUploadFolder"] is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "jixiao-pending-uploads");
        _time = time;
        Directory.CreateDirectory(_folder);
    }

    /// <summary>Holds <paramref name="content"/> and returns its token.</summary>
    public async Task<string> HoldAsync(byte[] content, CancellationToken cancellationToken)
    {
        RemoveExpired();
        var token = Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(PathOf(token), content, cancellationToken);
        return token;
    }

    /// <summary>The held content, null when the token is malformed, unknown or expired.</summary>
    public async Task<byte[]?> TakeAsync(string? token, CancellationToken cancellationToken)
    {
        if (!IsToken(token) || !File.Exists(PathOf(token!)))
        {
            return null;
        }

        var content = await File.ReadAllBytesAsync(PathOf(token!), cancellationToken);
        return content;
    }

    /// <summary>Forgets a held upload.</summary>
    public void Release(string? token)
    {
        if (IsToken(token))
        {
            File.Delete(PathOf(token!));
        }
    }

    /// <summary>A token is 32 hexadecimal digits, so it can never name a path outside the folder.</summary>
    private static bool IsToken(string? token) => token is { Length: 32 } && token.All(char.IsAsciiHexDigitLower);

    private string PathOf(string token) => Path.Combine(_folder, token + ".upload");

    private void RemoveExpired()
    {
        var cutoff = _time.GetUtcNow() - Lifetime;
        foreach (var file in Directory.EnumerateFiles(_folder, "*.upload"))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff.UtcDateTime)
            {
                File.Delete(file);
            }
        }
    }
}
