using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Data.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Cli.Tests;

/// <summary><c>jixiao user add</c> against a real SQLite database.</summary>
public sealed class UserCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"jixiao-cli-{Guid.NewGuid():N}.db");

    private JixiaoDbContext Open() => new((DbContextOptions<JixiaoDbContext>)SqliteDatabase.Use(new DbContextOptionsBuilder<JixiaoDbContext>(), $"Data Source={_file};Pooling=False").Options);

    [Fact]
    public void UserAdd_CreatesTheAccountWithAOneTimePasswordThatWorks()
    {
        using (var db = Open())
        {
            db.Database.Migrate();
            db.Units.Add(new UnitRecord { Name = "白沙镇中心小学" });
            db.SaveChanges();
        }

        var outcome = CliRunner.Run("user", "add", "zhang.san", "--role", "单位填报员", "--name", "张三", "--unit", "白沙镇中心小学", "--database", _file);
        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var password = outcome.Stdout.Split('\n').Single(l => l.StartsWith("一次性密码：", StringComparison.Ordinal))["一次性密码：".Length..].Trim();

        using var check = Open();
        var user = check.Users.Include(u => u.Scopes).ThenInclude(s => s.Unit).Single(u => u.UserName == "zhang.san");
        Assert.Equal("张三", user.DisplayName);
        Assert.True(user.MustChangePassword);
        Assert.Equal("白沙镇中心小学", Assert.Single(user.Scopes).Unit!.Name);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<JixiaoUser>().VerifyHashedPassword(user, user.PasswordHash!, password));
        Assert.Equal(JixiaoRoles.UnitOfficer, check.Roles.Single(r => check.UserRoles.Any(ur => ur.UserId == user.Id && ur.RoleId == r.Id)).Name);
        Assert.Contains(check.Audit, a => a.Action == "user.create" && a.Summary.Contains("zhang.san", StringComparison.Ordinal));
    }

    [Fact]
    public void UserAdd_WrongInput_SaysWhatIsWrongInChinese()
    {
        using (var db = Open())
        {
            db.Database.Migrate();
        }

        Assert.Contains("没有角色「校长」", CliRunner.Run("user", "add", "a", "--role", "校长", "--database", _file).Stderr, StringComparison.Ordinal);
        Assert.Contains("单位树中没有「不存在的单位」", CliRunner.Run("user", "add", "a", "--role", "单位填报员", "--unit", "不存在的单位", "--database", _file).Stderr, StringComparison.Ordinal);
        Assert.Contains("至少要绑定一个预算单位", CliRunner.Run("user", "add", "a", "--role", "单位填报员", "--database", _file).Stderr, StringComparison.Ordinal);
        Assert.Contains("二者选一", CliRunner.Run("user", "add", "a", "--role", "管理员").Stderr, StringComparison.Ordinal);
        Assert.Contains("不存在", CliRunner.Run("user", "add", "a", "--role", "管理员", "--database", _file + ".missing").Stderr, StringComparison.Ordinal);
        var admin = CliRunner.Run("user", "add", "root2", "--role", "管理员", "--database", _file);
        Assert.Equal(0, admin.ExitCode);
        Assert.Contains("用户名「root2」已被使用", CliRunner.Run("user", "add", "root2", "--role", "管理员", "--database", _file).Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }
}
