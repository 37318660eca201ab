using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jixiao.Data;
using Jixiao.Data.Postgres;
using Jixiao.Data.Records;
using Jixiao.Data.Sqlite;
using Jixiao.Domain.Review;
using Jixiao.Import;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Benchmarks;

/// <summary>
/// Storing an imported table against the database's own bulk load of the same rows. A generated table of N
/// projects is read and reviewed (not timed), then stored through the product's path (<see cref="DocumentStore"/>)
/// into a freshly migrated database; the same rows are then written as CSV and loaded into a second freshly
/// migrated database (same schema and indexes) by <c>sqlite3 .import</c> or <c>psql \copy</c> in one
/// transaction. PostgreSQL runs when <c>JIXIAO_BENCH_POSTGRES</c> names a server.
/// </summary>
public static class StoreBenchmark
{
    public static async Task<int> RunAsync(int projects)
    {
        var text = DocumentGenerator.Generate(projects);
        var read = TableReader.Read(Encoding.UTF8.GetBytes(text), "bench-2026.txt", ReadOptions.Default with { MaxProjects = 1_000_000, MaxIndicators = 20_000_000, MaxCharacters = 1_000_000_000, MaxRows = 2_000_000, MaxCells = 40_000_000 });
        var document = read.Document ?? throw new InvalidOperationException("the generated table did not read");
        var review = Reviewer.Review(document, [], ReviewSettings.National).Documents[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"table: {projects} projects, {document.IndicatorCount} indicators, {text.Length / 1e6:F1} M characters"));

        var sqliteFile = Path.Combine(Path.GetTempPath(), $"jixiao-store-{Guid.NewGuid():N}.db");
        var baselineFile = Path.Combine(Path.GetTempPath(), $"jixiao-store-base-{Guid.NewGuid():N}.db");
        try
        {
            var (seconds, rows, csv) = await StoreAsync(o => SqliteDatabase.Use(o, $"Data Source={sqliteFile};Pooling=False"), document, review);
            await PrepareAsync(o => SqliteDatabase.Use(o, $"Data Source={baselineFile};Pooling=False"), document, review);

            var script = new StringBuilder("BEGIN;\n");
            foreach (var (table, file) in csv)
            {
                script.Append(CultureInfo.InvariantCulture, $".import --csv --skip 1 '{file}' \"{table}\"\n");
            }

            script.Append("COMMIT;\n");
            var bulk = Run("sqlite3", [baselineFile], script.ToString());
            Print("SQLite", rows, seconds, "sqlite3 .import", bulk);
            Clean(csv);
        }
        finally
        {
            foreach (var file in new[] { sqliteFile, baselineFile })
            {
                File.Delete(file);
            }
        }

        var server = Environment.GetEnvironmentVariable("JIXIAO_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine("PostgreSQL: skipped (set JIXIAO_BENCH_POSTGRES to a server's connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres)");
            return 0;
        }

        var name = $"jixiao_store_{Guid.NewGuid():N}";
        var baseName = name + "_base";
        try
        {
            var (seconds, rows, csv) = await StoreAsync(o => PostgresDatabase.Use(o, $"{server};Database={name}"), document, review);
            await PrepareAsync(o => PostgresDatabase.Use(o, $"{server};Database={baseName}"), document, review);

            var builder = new Npgsql.NpgsqlConnectionStringBuilder(server);
            var script = new StringBuilder("BEGIN;\n");
            foreach (var (table, file) in csv)
            {
                var header = File.ReadLines(file).First();
                script.Append(CultureInfo.InvariantCulture, $"\\copy \"{table}\" ({header}) FROM '{file}' WITH (FORMAT csv, HEADER true)\n");
            }

            script.Append("COMMIT;\n");
            var bulk = Run("psql", ["-q", "-h", builder.Host ?? "127.0.0.1", "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username ?? "postgres", "-d", baseName, "-v", "ON_ERROR_STOP=1"], script.ToString());
            Print("PostgreSQL", rows, seconds, "psql \\copy", bulk);
            Clean(csv);
        }
        finally
        {
            foreach (var database in new[] { name, baseName })
            {
                using var drop = Context(o => PostgresDatabase.Use(o, $"{server};Database={database}"));
                await drop.Database.EnsureDeletedAsync();
            }
        }

        return 0;
    }

    private static JixiaoDbContext Context(Func<DbContextOptionsBuilder<JixiaoDbContext>, DbContextOptionsBuilder> use) =>
        new((DbContextOptions<JixiaoDbContext>)use(new DbContextOptionsBuilder<JixiaoDbContext>()).Options);

    /// <summary>Stores the table through the product's path; the seconds taken, the rows written, and those rows as CSV files per table.</summary>
    private static async Task<(double Seconds, long Rows, List<(string Table, string File)> Csv)> StoreAsync(
        Func<DbContextOptionsBuilder<JixiaoDbContext>, DbContextOptionsBuilder> use, Domain.Documents.TargetDocument document, DocumentReview review)
    {
        await using var db = Context(use);
        await db.Database.MigrateAsync();
        var unit = db.Units.Add(new UnitRecord { Name = document.Unit.Name, Kind = UnitKinds.Unit }).Entity;
        await db.SaveChangesAsync();
        var records = review.Projects.Select(DocumentMapping.ToRecord).ToList();
        var header = DocumentMapping.ToHeader(document, unit, [], review, DateTimeOffset.UtcNow);

        var watch = Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await DocumentStore.AddAsync(db, header, records, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var indicators = records.SelectMany(p => p.Indicators).ToList();
        var clauses = indicators.SelectMany(i => i.Clauses).ToList();
        var findings = records.SelectMany(p => p.Findings).ToList();
        var terms = await db.ProjectTerms.AsNoTracking().ToListAsync();
        var csv = new List<(string, string)>
        {
            Csv(db, records), Csv(db, indicators), Csv(db, clauses), Csv(db, findings), Csv(db, terms),
        };
        return (seconds, records.Count + indicators.Count + clauses.Count + findings.Count + terms.Count, csv);
    }

    /// <summary>A freshly migrated database holding the same unit and table header as the stored one, for the bulk load to add the rows to.</summary>
    private static async Task PrepareAsync(Func<DbContextOptionsBuilder<JixiaoDbContext>, DbContextOptionsBuilder> use, Domain.Documents.TargetDocument document, DocumentReview review)
    {
        await using var db = Context(use);
        await db.Database.MigrateAsync();
        var unit = db.Units.Add(new UnitRecord { Name = document.Unit.Name, Kind = UnitKinds.Unit }).Entity;
        var header = DocumentMapping.ToHeader(document, unit, [], review, DateTimeOffset.UtcNow);
        header.Projects = [];
        db.Documents.Add(header);
        await db.SaveChangesAsync();
    }

    /// <summary>Writes <paramref name="rows"/> as a CSV file with a header of the table's column names.</summary>
    private static (string Table, string File) Csv<T>(JixiaoDbContext db, IReadOnlyList<T> rows)
        where T : class
    {
        var table = BulkTable.Of<T>(db);
        var file = Path.Combine(Path.GetTempPath(), $"jixiao-{table.Name}-{Guid.NewGuid():N}.csv");
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
        writer.WriteLine(string.Join(",", table.Columns.Select(c => "\"" + c.Name + "\"")));
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(",", table.Columns.Select(c => Field(c.ValueOf(row)))));
        }

        return (table.Name, file);
    }

    private static string Field(object? value) => value switch
    {
        null => "",
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => "\"" + value.ToString()!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
    };

    /// <summary>Runs <paramref name="program"/> with <paramref name="input"/> on its standard input; the seconds it took.</summary>
    private static double Run(string program, string[] arguments, string input)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || errors.Length > 0)
        {
            throw new InvalidOperationException($"{program}: {errors}");
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static void Print(string provider, long rows, double seconds, string baseline, double baselineSeconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: stored {rows} rows in {seconds:F2} s; {baseline} of the same rows {baselineSeconds:F2} s; ratio {seconds / baselineSeconds:F2}"));

    private static void Clean(List<(string Table, string File)> csv)
    {
        foreach (var (_, file) in csv)
        {
            File.Delete(file);
        }
    }
}
