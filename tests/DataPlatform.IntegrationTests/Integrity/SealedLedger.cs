using System.Globalization;
using ClickHouse.Driver;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Gate;
using DataPlatform.Ledger;
using DataPlatform.Processing.Integrity;
using DataPlatform.Processing.Passages;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Tests.Integrity;

/// <summary>The ledger's own writer and verifier on a test's ledger database, and passages spread over gates,
/// lanes and days, for the tamper-evidence tests.</summary>
public static class SealedLedger
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, 250, ChinaTime.Offset);

    public static IOptions<ClickHouseOptions> Options(TestPlatform platform) => Microsoft.Extensions.Options.Options.Create(
        new ClickHouseOptions { Endpoint = platform.Engines.ClickHouse.Endpoint.ToString(), Database = platform.Database });

    public static async Task MigrateAsync(TestPlatform platform) =>
        await LedgerMigrator.WithDefaultRetention(Options(platform)).MigrateAsync(CancellationToken.None);

    /// <summary>A fresh writer, as a newly started (or restarted) processor has: nothing in memory.</summary>
    public static PassageWriter Writer(TestPlatform platform) =>
        new(new IdempotentInserter(platform.Client, Options(platform)), platform.Client, Options(platform));

    public static LedgerVerifier Verifier(TestPlatform platform) => new(platform.Client, Options(platform));

    /// <summary>Event <paramref name="i"/> of a stream over <paramref name="gates"/> × <paramref name="lanes"/>,
    /// <paramref name="step"/> apart, with sub-second pass times (the column keeps whole seconds).</summary>
    public static GateEvent Event(int i, int gates = 2, int lanes = 2, TimeSpan? step = null)
    {
        var passTime = Start + (step ?? TimeSpan.FromSeconds(7)) * i;
        var json = GateEvents.Json($"seal-{i}", plate: $"冀B{10000 + i % 90000}", gate: $"G0{i % gates + 1}",
                passTime: passTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture))
            .Replace("\"laneId\":\"L1\"", $"\"laneId\":\"L{i / gates % lanes + 1}\"", StringComparison.Ordinal);
        return GateEventCodec.Parse(System.Text.Encoding.UTF8.GetBytes(json), DateTimeOffset.UtcNow).Event
               ?? throw new InvalidOperationException("test event does not parse: " + json);
    }

    public static List<PassageRow> Rows(int count, int gates = 2, int lanes = 2, TimeSpan? step = null) =>
        Enumerable.Range(0, count).Select(i => PassageProjection.ToRow(Event(i, gates, lanes, step))).ToList();

    public static async Task WriteInBatchesAsync(PassageWriter writer, IReadOnlyList<PassageRow> rows, int batch)
    {
        for (var i = 0; i < rows.Count; i += batch)
            await writer.WriteAsync(rows.Skip(i).Take(batch).ToList(), CancellationToken.None);
    }

    /// <summary>Every stored seal, as text, in id order: two ledgers sealed alike give equal lists.</summary>
    public static async Task<List<string>> SealsAsync(ClickHouseClient client)
    {
        var seals = new List<string>();
        using var reader = await client.ExecuteReaderAsync(
            "SELECT toString(passage_id), chain_key, toString(chain_seq), prev_hash, record_hash FROM passages ORDER BY passage_id");
        while (reader.Read())
            seals.Add(string.Join(' ', Enumerable.Range(0, 5).Select(reader.GetString)));
        return seals;
    }

    /// <summary>The id and chain of the row at <paramref name="sequence"/> of the chain of <paramref name="gate"/>/<paramref name="lane"/>.</summary>
    public static async Task<(Guid Id, string Chain)> RowAtAsync(TestPlatform platform, string gate, string lane, long sequence)
    {
        using var reader = await platform.Client.ExecuteReaderAsync(
            $"SELECT passage_id, chain_key FROM passages WHERE gate_id = '{gate}' AND lane_id = '{lane}' " +
            $"AND chain_seq = {sequence.ToString(CultureInfo.InvariantCulture)} ORDER BY chain_key LIMIT 1");
        Assert.True(reader.Read(), $"no row at {gate}/{lane} #{sequence}");
        return (reader.GetGuid(0), reader.GetString(1));
    }

    public static Task MutateAsync(TestPlatform platform, string sql) =>
        platform.Client.ExecuteNonQueryAsync(sql + " SETTINGS mutations_sync = 2");

    public static string Describe(IEnumerable<ChainFinding> findings) => string.Join("\n", findings.Select(VerificationReportText.Line));
}
