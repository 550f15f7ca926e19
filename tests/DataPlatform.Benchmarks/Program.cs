using System.CommandLine;
using System.Globalization;
using DataPlatform.Benchmarks;
using DataPlatform.Engines.ClickHouse;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

var kafkaMessages = PositiveOption("--kafka-messages", "Messages for the raw Kafka probe", 1_000_000);
var clickHouseRows = PositiveOption("--clickhouse-rows", "Passage rows for the raw ClickHouse inserts", 1_000_000);
var events = PositiveOption("--events", "Valid gate events posted for the end-to-end run", 50_000);
var adapterEvents = PositiveOption("--adapter-events", "Events per device adapter for the adapter benchmark", 5_000);
var adaptersOnly = new Option<bool>("--adapters-only") { Description = "Run only the device adapter benchmark (no ClickHouse)" };
var reportsOnly = new Option<bool>("--reports-only") { Description = "Run only the report render benchmark (one enterprise-month)" };
var reportPassages = new Option<long[]>("--report-passages") { Description = "Passage counts of the report benchmark", DefaultValueFactory = _ => [100_000, 1_000_000], AllowMultipleArgumentsPerToken = true };
var backfill = PositiveOption("--bridge-backfill", "Passages queued for the regulator bridge back-fill run", 20_000);
var bridgeOnly = new Option<bool>("--bridge-only") { Description = "Run only the regulator bridge back-fill benchmark (fault-free and with 10 % of requests hung)" };
var rating = new Option<bool>("--rating") { Description = "Run only the rating benchmark (issue 12): synthetic trips over 3 years × 100 enterprises" };
var ratingTrips = PositiveOption("--rating-trips", "Trips (and as many entry passages) for the rating benchmark", 1_000_000);
var mlOnly = new Option<bool>("--ml") { Description = "Run only the machine-learning benchmark (training, scoring, raw feature read, quality with the seed)" };
var ledgerOnly = new Option<bool>("--ledger-only") { Description = "Run only raw Kafka, raw ClickHouse inserts and the ledger throughput run (with its breakdown)" };
var decisionsOnly = new Option<bool>("--decisions-only") { Description = "Run only the gate decision latency run" };
var mlDays = PositiveOption("--ml-days", "Simulated days for the machine-learning benchmark", 60);
var mlSeed = PositiveOption("--ml-seed", "Seed of the simulated history for the machine-learning benchmark", 7);
var root = new RootCommand("Foundation benchmark: raw embedded Kafka and ClickHouse against the platform end to end")
{
    kafkaMessages, clickHouseRows, events, adapterEvents, adaptersOnly, backfill, bridgeOnly, rating, ratingTrips, mlOnly, mlDays, mlSeed,
    reportsOnly, reportPassages, ledgerOnly, decisionsOnly,
};
root.SetAction(async (parse, ct) =>
{
    var output = Console.Out;
    MachineFacts.Print(output);
    // The analytics benchmarks each run alone, on an engine of their own.
    async Task<int> AloneAsync(Func<EmbeddedClickHouse, Task> run)
    {
        Scratch.RemoveLeftovers();
        await using var engine = await EmbeddedClickHouse.StartAsync(new EmbeddedClickHouseOptions { DataPath = Scratch.Create("chdb"), Port = 0 }, ct);
        await run(engine);
        return 0;
    }
    if (parse.GetValue(rating))
        return await AloneAsync(engine => RatingBenchmark.RunAsync(engine, parse.GetValue(ratingTrips), output, ct));
    if (parse.GetValue(mlOnly))
        return await AloneAsync(engine => MachineLearningBenchmark.RunAsync(engine, parse.GetValue(mlDays), parse.GetValue(mlSeed), output, ct));
    if (parse.GetValue(bridgeOnly))
        return await AloneAsync(engine => BridgeBackfillBenchmark.RunAsync(engine, parse.GetValue(backfill), output, ct));
    if (parse.GetValue(reportsOnly))
        return await AloneAsync(engine => ReportBenchmark.RunAsync(engine, parse.GetValue(reportPassages)!, output, ct));
    if (parse.GetValue(decisionsOnly))
        return await AloneAsync(async engine => await DecisionLatencyBenchmark.RunAsync(engine, output, ct));
    if (parse.GetValue(ledgerOnly))
    {
        var rawKafka = await KafkaBenchmark.RunAsync(parse.GetValue(kafkaMessages), output, ct);
        return await AloneAsync(async engine =>
        {
            var rawInserts = await ClickHouseInsertBenchmark.RunAsync(engine, parse.GetValue(clickHouseRows), output, ct);
            var run = await LedgerThroughputBenchmark.RunAsync(engine, parse.GetValue(events), output, ct);
            LedgerThroughputBenchmark.PrintRatios(output, run, rawKafka, rawInserts);
            MachineFacts.PrintPeakMemory(output);
        });
    }
    await AdapterBenchmark.RunAsync(parse.GetValue(adapterEvents), output, ct);
    if (parse.GetValue(adaptersOnly)) return 0;

    var kafka = await KafkaBenchmark.RunAsync(parse.GetValue(kafkaMessages), output, ct);

    // chDB allows one engine per process: (2) and (3) share it, each in databases of their own.
    Scratch.RemoveLeftovers();
    await using var clickHouse = await EmbeddedClickHouse.StartAsync(new EmbeddedClickHouseOptions { DataPath = Scratch.Create("chdb"), Port = 0 }, ct);
    output.WriteLine($"Embedded ClickHouse (chDB {clickHouse.ServerVersion}) on {clickHouse.Endpoint}");
    var inserts = await ClickHouseInsertBenchmark.RunAsync(clickHouse, parse.GetValue(clickHouseRows), output, ct);
    var endToEnd = await EndToEndBenchmark.RunAsync(clickHouse, parse.GetValue(events), output, ct);
    await DecisionLatencyBenchmark.RunAsync(clickHouse, output, ct);
    await BridgeBackfillBenchmark.RunAsync(clickHouse, parse.GetValue(backfill), output, ct);
    Summary.Print(output, kafka, inserts, endToEnd);
    var ledger = await LedgerThroughputBenchmark.RunAsync(clickHouse, parse.GetValue(events), output, ct);
    LedgerThroughputBenchmark.PrintRatios(output, ledger, kafka, inserts);
    MachineFacts.PrintPeakMemory(output);
    return endToEnd.Complete ? 0 : 1;
});
return ChdbProcess.Exit(await root.Parse(args).InvokeAsync());

static Option<int> PositiveOption(string name, string description, int defaultValue)
{
    var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
    option.Validators.Add(r =>
    {
        if (r.GetValueOrDefault<int>() < 1) r.AddError($"{name} must be at least 1.");
    });
    return option;
}
