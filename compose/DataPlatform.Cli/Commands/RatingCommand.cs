using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DataPlatform.Analytics.Rating;
using DataPlatform.Analytics.Sql;
using DataPlatform.Rating;
using DataPlatform.Rating.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform rating</c>: the performance rating (绩效分级) of an enterprise over a period, its
/// evidence, the rule sets, and the refresh of the daily figures. Logic lives in DataPlatform.Analytics/Rating.
/// Exit codes: 0 done, 2 bad input or a ClickHouse error, 3 ClickHouse unreachable.</summary>
public static class RatingCommand
{
    public static Command Create()
    {
        var enterprise = new Option<string>("--enterprise", "-e") { Description = "Enterprise id (企业编号)", Required = true };
        var period = new PeriodOptions();
        var rules = RulesOption();
        var format = new Option<OutputFormat>("--format", "-f") { Description = "table or json", DefaultValueFactory = _ => OutputFormat.Table };
        var noRefresh = new Option<bool>("--no-refresh") { Description = "Rate from the stored daily figures without recomputing the period's days first" };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("rating", "Performance rating (绩效分级) of an enterprise: this China month, --month yyyy-MM, --from/--to yyyy-MM-dd or --month M --rolling 3")
        {
            enterprise, rules, format, noRefresh, endpoint,
        };
        period.AddTo(command);
        command.Subcommands.Add(Evidence());
        command.Subcommands.Add(Refresh());
        command.Subcommands.Add(Rules());
        command.SetAction((parse, ct) => AnalyticsCommand.RunAsync(parse.GetValue(endpoint), async host =>
        {
            if (period.Resolve(parse) is not { } p) return 2;
            var service = host.Services.GetRequiredService<RatingService>();
            var set = host.Services.GetRequiredService<RuleSetProvider>().Get(parse.GetValue(rules));
            if (!parse.GetValue(noRefresh))
            {
                var firstMonth = new DateOnly(p.To.Year, p.To.Month, 1).AddMonths(1 - set.MonthsNeeded);
                await host.Services.GetRequiredService<RatingRefresher>().RefreshAsync(firstMonth < p.From ? firstMonth : p.From, p.To, ct);
            }
            var result = await service.RateAsync(parse.GetValue(enterprise)!, p, set.Id, ct);
            if (parse.GetValue(format) == OutputFormat.Json)
                Console.Out.WriteLine(JsonSerializer.Serialize(result, RatingJsonContext.Default.RatingResult));
            else
                RatingText.Write(result, Console.Out);
            return 0;
        }));
        return command;
    }

    private static Option<string?> RulesOption() => new("--rules", "-r")
    {
        Description = "Rule set: " + string.Join(", ", RuleSetCatalog.Shipped.All.Select(s => s.Id)) + " (default: Analytics:Rating:DefaultRules, else general)",
    };

    private static Command Evidence()
    {
        var enterprise = new Option<string>("--enterprise", "-e") { Description = "Enterprise id", Required = true };
        var metric = new Option<string>("--metric", "-m") { Description = "compliant_road_share_tonnes, clean_transport_ratio, in_plant_compliance …", Required = true };
        var period = new PeriodOptions();
        var rules = RulesOption();
        var format = new Option<OutputFormat>("--format", "-f") { Description = "table, csv or json", DefaultValueFactory = _ => OutputFormat.Table };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("evidence", "The trips, passages (pictures, weighings), shipments or register records behind a metric's numerator and denominator")
        {
            enterprise, metric, rules, format, endpoint,
        };
        period.AddTo(command);
        command.SetAction((parse, ct) => AnalyticsCommand.RunAsync(parse.GetValue(endpoint), async host =>
        {
            if (period.Resolve(parse) is not { } p) return 2;
            var rows = await host.Services.GetRequiredService<RatingEvidence>().ListAsync(
                parse.GetValue(enterprise)!, p, parse.GetValue(metric)!, parse.GetValue(rules), ct);
            ResultWriter.Write(EvidenceTable(rows), parse.GetValue(format), Console.Out);
            var inv = CultureInfo.InvariantCulture;
            Console.Error.WriteLine($"分子 numerator: {rows.Count(r => r.InNumerator)} 条 records, {rows.Where(r => r.InNumerator).Sum(r => r.Tonnes).ToString(inv)} t; " +
                $"分母 denominator: {rows.Count(r => r.InDenominator)} 条 records, {rows.Where(r => r.InDenominator).Sum(r => r.Tonnes).ToString(inv)} t");
            return 0;
        }));
        return command;
    }

    private static QueryResult EvidenceTable(IReadOnlyList<EvidenceRow> rows) => new(
        ["kind", "id", "time", "plate", "vehicle_type", "stage", "tonnes", "numerator", "denominator", "passages", "pictures", "weighings", "reference"],
        ["String", "String", "String", "String", "String", "String", "Decimal", "UInt8", "UInt8", "Array(String)", "Array(String)", "Array(String)", "String"],
        rows.Select(r => new object?[]
        {
            r.Kind, r.Id, r.Time, r.Plate, r.VehicleType, r.Stage, r.Tonnes, r.InNumerator ? 1 : 0, r.InDenominator ? 1 : 0,
            r.Passages.ToArray(), r.Pictures.ToArray(), r.Weighings.ToArray(), r.Reference,
        }).ToList());

    private static Command Refresh()
    {
        var from = new Option<string>("--from") { Description = "First China day, yyyy-MM-dd", Required = true };
        var to = new Option<string>("--to") { Description = "Last China day, yyyy-MM-dd", Required = true };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("refresh", "Recompute the daily rating figures (rating_daily) of a range of days at once") { from, to, endpoint };
        command.SetAction((parse, ct) => AnalyticsCommand.RunAsync(parse.GetValue(endpoint), async host =>
        {
            if (PeriodArguments.Resolve(null, parse.GetValue(from), parse.GetValue(to), null, out var error) is not { } p)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var days = await host.Services.GetRequiredService<RatingRefresher>().RefreshAsync(p.From, p.To, ct);
            Console.Out.WriteLine($"已重算 recomputed {days} 企业·日 enterprise-days ({p}) in {clock.Elapsed.TotalSeconds:0.00} s");
            return 0;
        }));
        return command;
    }

    private static Command Rules()
    {
        var command = new Command("rules", "List the rule sets (industry, province variants) and their criteria");
        var endpoint = CommonOptions.ClickHouse();
        command.Options.Add(endpoint);
        command.SetAction((parse, ct) => AnalyticsCommand.RunAsync(parse.GetValue(endpoint), host =>
        {
            foreach (var set in host.Services.GetRequiredService<RuleSetProvider>().Catalog.All)
            {
                Console.Out.WriteLine($"{set.Id}  {set.Name}  (road ≥ {set.RoadMinimumStage}, in-plant ≥ {set.InPlantMinimumStage}, non-road ≥ {set.NonRoadMinimumStage})");
                foreach (var level in set.Levels)
                    Console.Out.WriteLine($"    {level.Level}: {string.Join("; ", level.Criteria.Select(c => $"{c.IdFor(level.Level)} ≥ {c.Threshold.ToString(CultureInfo.InvariantCulture)}"))}");
            }
            return Task.FromResult(0);
        }));
        return command;
    }

    /// <summary>--month, --from, --to, --rolling, shared by rating and evidence.</summary>
    private sealed class PeriodOptions
    {
        private readonly Option<string?> _month = new("--month") { Description = "China calendar month, yyyy-MM" };
        private readonly Option<string?> _from = new("--from") { Description = "First China day, yyyy-MM-dd" };
        private readonly Option<string?> _to = new("--to") { Description = "Last China day, yyyy-MM-dd" };
        private readonly Option<int?> _rolling = new("--rolling") { Description = "With --month: the N months ending with it (rolling 3 months)" };

        public void AddTo(Command command)
        {
            command.Options.Add(_month);
            command.Options.Add(_from);
            command.Options.Add(_to);
            command.Options.Add(_rolling);
        }

        public RatingPeriod? Resolve(ParseResult parse)
        {
            var month = parse.GetValue(_month);
            // No period at all: the current China calendar month.
            if (month is null && parse.GetValue(_from) is null && parse.GetValue(_to) is null)
                month = DateTimeOffset.UtcNow.ToOffset(DataPlatform.Gate.ChinaTime.Offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var period = PeriodArguments.Resolve(month, parse.GetValue(_from), parse.GetValue(_to), parse.GetValue(_rolling), out var error);
            if (period is null) Console.Error.WriteLine(error);
            return period;
        }
    }
}
