namespace Jixiao.Web.Features.Documents;

/// <summary>
/// Uploads held between the preview and the confirmation, as files under a temporary folder named by a
/// random token and the user who uploaded (so another user who learns the token finds nothing). Nothing
/// reaches the database until the user confirms; held files older than a day are removed whenever a new
/// one is held.
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

    /// <summary>Holds <paramref name="content"/> for <paramref name="owner"/> and returns its token.</summary>
    public async Task<string> HoldAsync(byte[] content, string owner, CancellationToken cancellationToken)
    {
        RemoveExpired();
        var token = Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(PathOf(token, owner), content, cancellationToken);
        return token;
    }

    /// <summary>The content <paramref name="owner"/> holds under <paramref name="token"/>, to read; null when the token is malformed, unknown, expired or someone else's.</summary>
    public Stream? Open(string? token, string owner)
    {
        if (!IsToken(token))
        {
            return null;
        }

        try
        {
            return File.OpenRead(PathOf(token!, owner));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Forgets a held upload.</summary>
    public void Release(string? token, string owner)
    {
        if (IsToken(token))
        {
            File.Delete(PathOf(token!, owner));
        }
    }

    /// <summary>A token is 32 hexadecimal digits, so it can never name a path outside the folder.</summary>
    private static bool IsToken(string? token) => token is { Length: 32 } && token.All(char.IsAsciiHexDigitLower);

    /// <summary>The file of a token and its owner: a hash of both, so it says nothing of either.</summary>
    private string PathOf(string token, string owner) =>
        Path.Combine(_folder, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(owner + "\n" + token))) + ".upload");

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
