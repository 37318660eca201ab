using System.CommandLine;
using Jixiao.Data;
using Jixiao.Data.Postgres;
using Jixiao.Data.Records;
using Jixiao.Data.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Cli;

/// <summary><c>jixiao user add</c>: an account with a one-time password, straight into the web application's database.</summary>
internal static class UserCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string>("NAME") { Description = "用户名（字母、数字和 - . _ @）" };
        var role = new Option<string>("--role") { Description = "角色：单位填报员、主管部门审核员、财政审核员或管理员（也可用 unit-officer 等代码）", Required = true };
        var display = new Option<string?>("--name") { Description = "姓名，显示在办理记录中；默认同用户名" };
        var units = new Option<string[]>("--unit") { Description = "负责的单位树节点名称（填报员：预算单位；主管部门审核员：主管部门；财政审核员：地区），可重复", AllowMultipleArgumentsPerToken = true };
        var database = new Option<FileInfo?>("--database") { Description = "SQLite 数据库文件（网站默认为 src/Jixiao.Web/data/jixiao.db）" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL 连接字符串（代替 --database）" };
        var add = new Command("add", "新建用户并打印一次性密码（首次登录后须修改）") { name, role, display, units, database, postgres };
        add.SetAction(result => Add(result.GetValue(name)!, result.GetValue(role)!, result.GetValue(display), result.GetValue(units) ?? [],
            result.GetValue(database), result.GetValue(postgres), stdout, stderr));
        return new Command("user", "管理网站的用户") { add };
    }

    private static int Add(string userName, string roleText, string? displayName, string[] unitNames, FileInfo? database, string? postgres, TextWriter stdout, TextWriter stderr)
    {
        if ((database is null) == string.IsNullOrWhiteSpace(postgres))
        {
            stderr.WriteLine("错误：请用 --database 指定 SQLite 数据库文件，或用 --postgres 指定 PostgreSQL 连接字符串（二者选一）。");
            return 2;
        }

        if (JixiaoRoles.Parse(roleText) is not { } role)
        {
            stderr.WriteLine($"错误：没有角色「{roleText}」；可用的角色：{string.Join("、", JixiaoRoles.All.Select(JixiaoRoles.Chinese))}。");
            return 2;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<JixiaoDbContext>(options =>
        {
            if (database is not null)
            {
                SqliteDatabase.Use(options, "Data Source=" + database.FullName);
            }
            else
            {
                PostgresDatabase.Use(options, postgres!);
            }
        });
        services.AddJixiaoIdentityCore();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        try
        {
            if (database is not null && !database.Exists)
            {
                stderr.WriteLine($"错误：数据库文件 {database.FullName} 不存在。请先启动一次网站，或检查路径。");
                return 1;
            }

            db.Database.Migrate();
            Accounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>()).GetAwaiter().GetResult();
            var ids = new List<int>();
            foreach (var unitName in unitNames)
            {
                var unit = db.Units.FirstOrDefault(u => u.Name == unitName.Trim());
                if (unit is null)
                {
                    stderr.WriteLine($"错误：单位树中没有「{unitName}」。");
                    return 1;
                }

                ids.Add(unit.Id);
            }

            var created = Accounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<JixiaoUser>>(), db, userName, displayName ?? "",
                role, ids, DateTimeOffset.UtcNow).GetAwaiter().GetResult();
            db.Audit.Add(new AuditRecord
            {
                At = DateTimeOffset.UtcNow,
                Kind = "change",
                Action = "user.create",
                UserName = "command line",
                Address = Environment.MachineName,
                Summary = $"命令行创建用户「{created.User.UserName}」，角色{JixiaoRoles.Chinese(role)}",
            });
            db.SaveChanges();
            stdout.WriteLine($"已创建用户 {created.User.UserName}（{JixiaoRoles.Chinese(role)}）");
            stdout.WriteLine($"一次性密码：{created.Password}");
            stdout.WriteLine("首次登录后须修改密码。");
            return 0;
        }
        catch (AccountException e)
        {
            stderr.WriteLine("错误：" + e.Message);
            return 1;
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            stderr.WriteLine("错误：无法写入数据库：" + e.GetBaseException().Message);
            return 1;
        }
    }
}
