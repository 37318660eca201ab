namespace Jixiao.Cli.Tests;

internal sealed record CliOutcome(int ExitCode, string Stdout, string Stderr);

internal static class CliRunner
{
    public static CliOutcome Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }
}
