using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jixiao.Web.Tests;

/// <summary>Lists and searches read from a streaming replica when <c>ConnectionStrings:JixiaoReadOnly</c> names one; pages that show one's own changes stay on the primary.</summary>
public class ReplicaTests
{
    public const string ReplicaVariable = "JIXIAO_TEST_POSTGRES_REPLICA";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProjectsList_IsReadFromTheReplica()
    {
        var replica = Environment.GetEnvironmentVariable(ReplicaVariable);
        if (string.IsNullOrWhiteSpace(replica))
        {
            Assert.Skip($"{ReplicaVariable} is not set: no streaming replica was started (./test.sh starts one beside its PostgreSQL server).");
        }

        var name = $"jixiao_test_{Guid.NewGuid():N}";
        await using var app = JixiaoApp.Start("postgres", postgresDatabase: name, dropsDatabase: true,
            settings: new Dictionary<string, string> { ["ConnectionStrings:JixiaoReadOnly"] = $"{replica};Database={name}" });
        var tenants = await Tenants.CreateAsync(app);
        await tenants.AddDocumentAsync(Tenants.UnitA);
        using var client = app.Client();

        // The replica has caught up when the list shows the project (the database itself reaches it by replay too).
        await UntilAsync(async () => await TotalAsync(client) == 1);
        await using var standby = new NpgsqlConnection($"{replica};Database={name}");
        await standby.OpenAsync(Cancel);

        // Replay paused on the replica: a table stored on the primary shows in the primary's table list, not in
        // the projects list, which the replica answers.
        await using (var pause = new NpgsqlCommand("SELECT pg_wal_replay_pause()", standby))
        {
            await pause.ExecuteNonQueryAsync(Cancel);
        }

        try
        {
            await tenants.AddDocumentAsync(Tenants.UnitB);
            Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/documents", Cancel)).GetArrayLength());
            Assert.Equal(1, await TotalAsync(client));
        }
        finally
        {
            await using var resume = new NpgsqlCommand("SELECT pg_wal_replay_resume()", standby);
            await resume.ExecuteNonQueryAsync(Cancel);
        }

        await UntilAsync(async () => await TotalAsync(client) == 2);

        // Idle connections to the replica would hold up its replay of the database's drop.
        await standby.CloseAsync();
        NpgsqlConnection.ClearPool(standby);
    }

    private static async Task<int> TotalAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/projects", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("total").GetInt32();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100, Cancel);
        }

        Assert.Fail("the replica did not catch up within 10 s");
    }
}
