using DataPlatform.Ledger;
using DataPlatform.Reports.Export;
using DataPlatform.Reports.Model;

namespace DataPlatform.Reports.Inspection;

/// <summary>The files one inspection wrote and the plan it followed.</summary>
public sealed record InspectionFiles(InspectionPlan Plan, string Workbook, IReadOnlyList<string> Csv);

/// <summary>The plan drawn from the seed and the tables it sampled (the first is the 说明 sheet).</summary>
public sealed record InspectionSample(InspectionPlan Plan, IReadOnlyList<SheetTable> Tables);

/// <summary>Inspector sampling (抽查, spec §4) over the ledger: draws an <see cref="InspectionPlan"/> from the seed,
/// reads the sampled rows (chosen in ClickHouse by a hash of the row id and the seed, so the same seed picks the same
/// rows without reading the period into memory) and exports them as one workbook and one CSV per table.</summary>
public sealed class InspectionSampler(LedgerQuery query)
{
    private const string Range = "enterprise_id = {e:String} AND toDate(pass_time) BETWEEN {from:Date} AND {to:Date}";

    public async Task<InspectionSample> SampleAsync(string enterpriseId, DateOnly from, DateOnly to, int seed, CancellationToken ct)
    {
        var days = await DaysAsync(enterpriseId, from, to, ct);
        var gates = await query.RowsAsync($"SELECT DISTINCT gate_id FROM passages WHERE {Range} ORDER BY gate_id",
            LedgerQuery.Period(enterpriseId, from, to), r => r.Text("gate_id"), ct);
        var plan = InspectionPlan.Create(seed, days.Select(d => d.Day), days.Where(d => d.Alert.Length > 0).Select(d => d.Day), gates);
        return new InspectionSample(plan,
        [
            About(enterpriseId, from, to, plan),
            await RecordsAsync(enterpriseId, from, to, plan, ct),
            await StagesAsync(enterpriseId, from, to, plan, ct),
            DaysTable(days, plan),
            await VideoAsync(enterpriseId, plan, ct),
        ]);
    }

    /// <summary>Samples and writes <c>inspect-{E}-{from}_{to}-seed{N}.xlsx</c> and a CSV per table into <paramref name="folder"/>.</summary>
    public async Task<InspectionFiles> WriteAsync(string enterpriseId, DateOnly from, DateOnly to, int seed, string folder, CancellationToken ct)
    {
        var (plan, tables) = await SampleAsync(enterpriseId, from, to, seed, ct);
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(Path.GetFullPath(folder), $"inspect-{enterpriseId}-{from:yyyy-MM-dd}_{to:yyyy-MM-dd}-seed{seed}");
        await TableExport.WriteWorkbookAsync(stem + ".xlsx", tables, ct);
        var csv = new List<string>();
        foreach (var table in tables.Skip(1))
        {
            var path = $"{stem}-{table.FileSuffix}.csv";
            await TableExport.WriteCsvAsync(path, table, ct);
            csv.Add(path);
        }
        return new InspectionFiles(plan, stem + ".xlsx", csv);
    }

    private static SheetTable About(string e, DateOnly from, DateOnly to, InspectionPlan plan) => new("说明", "about", ["项目", "内容"],
    [
        ["企业", e], ["抽查期间", $"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}"], ["随机种子 (seed)", plan.Seed],
        ["复现命令", $"dataplatform inspect --enterprise {e} --from {from:yyyy-MM-dd} --to {to:yyyy-MM-dd} --seed {plan.Seed}"],
        ["记录完整性抽查", $"{plan.RecordSamples} 条"], ["排放阶段复核", $"{plan.StageSamples} 条"],
        ["正常日", string.Join(", ", plan.NormalDays.Select(d => d.ToString("yyyy-MM-dd")))],
        ["预警日（全部）", string.Join(", ", plan.AlertDays.Select(d => d.ToString("yyyy-MM-dd")))],
        ["视频核验时段", string.Join("; ", plan.Windows.Select(w => $"{w.GateId} {w.From:yyyy-MM-dd HH:mm}–{w.To:HH:mm}"))],
    ]);

    private async Task<SheetTable> RecordsAsync(string e, DateOnly from, DateOnly to, InspectionPlan plan, CancellationToken ct)
    {
        var parameters = LedgerQuery.Period(e, from, to);
        parameters.Add(new ClickHouse.Driver.ADO.Parameters.ClickHouseDbParameter { ParameterName = "seed", Value = (long)plan.Seed });
        parameters.Add(new ClickHouse.Driver.ADO.Parameters.ClickHouseDbParameter { ParameterName = "n", Value = (uint)plan.RecordSamples });
        var rows = await query.RowsAsync(
            $$"""
            SELECT passage_id, event_id, gate_id, lane_id, direction, pass_time, plate_no, plate_color, vehicle_type, device_id, pictures, record_hash
            FROM passages FINAL WHERE {{Range}}
            ORDER BY cityHash64(passage_id, {seed:Int64}), passage_id LIMIT {n:UInt32}
            """,
            parameters,
            r => new SampledRecord((Guid)r["passage_id"], r.Text("event_id"), r.Text("gate_id"), r.Text("lane_id"), (int)r.Long("direction"),
                Convert.ToDateTime(r["pass_time"]), r.Text("plate_no"), r.Text("plate_color"), r.Text("vehicle_type"), r.Text("device_id"),
                (string[])r["pictures"], r.Text("record_hash")), ct);
        return new SheetTable("记录完整性", "records",
            ["通行记录编号", "事件编号", "通行时间", "出入口", "车道", "方向", "车牌号", "车牌颜色", "车辆类型", "设备", "照片", "记录哈希", "检查结果"],
            rows.OrderBy(r => r.PassTime).ThenBy(r => r.PassageId).Select(r => SheetTable.Row(
                r.PassageId.ToString(), r.EventId, r.PassTime, r.GateId, r.LaneId, r.Direction == 1 ? "进厂" : "出厂", r.PlateNo, r.PlateColor,
                r.VehicleType, r.DeviceId, r.Pictures, r.RecordHash,
                RecordCheck.Problems(r) is { Count: > 0 } problems ? string.Join("；", problems) : "完整"
            )).ToList());
    }

    private async Task<SheetTable> StagesAsync(string e, DateOnly from, DateOnly to, InspectionPlan plan, CancellationToken ct)
    {
        var parameters = LedgerQuery.Period(e, from, to);
        parameters.Add(new ClickHouse.Driver.ADO.Parameters.ClickHouseDbParameter { ParameterName = "seed", Value = (long)plan.Seed + 1 });
        parameters.Add(new ClickHouse.Driver.ADO.Parameters.ClickHouseDbParameter { ParameterName = "n", Value = (uint)plan.StageSamples });
        var rows = await query.RowsAsync(
            $$"""
            SELECT p.passage_id AS passage_id, p.pass_time AS pass_time, p.gate_id AS gate_id, p.plate_no AS plate_no, p.plate_color AS plate_color,
                   p.vehicle_type AS vehicle_type, p.pictures AS pictures, d.stage AS decision_stage,
                   r.v[greatest(1, arrayLastIndex(x -> x.1 <= p.pass_time, r.v))] AS f
            FROM
            (
                SELECT passage_id, pass_time, gate_id, plate_no, plate_color, vehicle_type, pictures FROM passages_effective
                WHERE {{Range}} AND direction = 1 AND review_status != 'rejected'
                ORDER BY cityHash64(passage_id, {seed:Int64}), passage_id LIMIT {n:UInt32}
            ) AS p
            LEFT JOIN
            (
                SELECT plate_no, plate_color, arraySort(x -> x.1, groupArray((changed_at, stage, fuel, owner, vin, version))) AS v
                FROM road_vehicles FINAL WHERE enterprise_id = {e:String} GROUP BY plate_no, plate_color
            ) AS r ON r.plate_no = p.plate_no AND r.plate_color = p.plate_color
            LEFT JOIN (SELECT passage_id, stage FROM gate_decisions FINAL WHERE {{Range}}) AS d ON d.passage_id = p.passage_id
            ORDER BY pass_time, passage_id
            """,
            parameters,
            r =>
            {
                var facts = (System.Runtime.CompilerServices.ITuple)r["f"];
                return SheetTable.Row(
                    r["passage_id"].ToString(), Convert.ToDateTime(r["pass_time"]), r.Text("gate_id"), r.Text("plate_no"), r.Text("plate_color"),
                    r.Text("vehicle_type"), Stage(facts[1]), VehicleClasses.FuelName(Convert.ToString(facts[2]) ?? ""), Convert.ToString(facts[3]),
                    Convert.ToString(facts[4]), r.Text("decision_stage"), (string[])r["pictures"]
                );
            }, ct);
        return new SheetTable("排放阶段复核", "stages",
            ["通行记录编号", "通行时间", "出入口", "车牌号", "车牌颜色", "车辆类型", "登记排放阶段", "燃料", "所有人/承运单位", "VIN", "门禁判定阶段", "照片"], rows);
    }

    private static string Stage(object? code) => Convert.ToString(code) is { Length: > 0 } s ? s : "未登记";

    private async Task<List<DayFigures>> DaysAsync(string e, DateOnly from, DateOnly to, CancellationToken ct) =>
        await query.RowsAsync(
            $"""
            SELECT toDate(pass_time) AS day,
                   countIf(direction = 1) AS entries,
                   countIf(direction = 1 AND match(vehicle_type, '^[HQ]1')) AS heavy,
                   countIf(outcome = 'deny') AS denied,
                   countIf(direction = 1 AND outcome = 'allow' AND match(vehicle_type, '^[HQ]1') AND stage NOT IN ('5', '6', '6a', '6b', 'D')) AS heavy_below_guo5,
                   max(if(control_status IN ('', '常态'), '', control_status)) AS alert
            FROM gate_decisions FINAL WHERE {Range}
            GROUP BY day ORDER BY day
            """,
            LedgerQuery.Period(e, from, to),
            r => new DayFigures(r.Day("day"), r.Long("entries"), r.Long("heavy"), r.Long("denied"), r.Long("heavy_below_guo5"), r.Text("alert")), ct);

    private static SheetTable DaysTable(List<DayFigures> days, InspectionPlan plan)
    {
        var chosen = days.Where(d => plan.NormalDays.Contains(d.Day) || plan.AlertDays.Contains(d.Day)).ToList();
        var rows = chosen.Select(d => SheetTable.Row(
            d.Day, d.Alert.Length > 0 ? d.Alert : "常态", d.Entries, d.Heavy, d.Denied, d.HeavyBelowGuo5,
            d.Alert.Length == 0 ? "—" : d.HeavyBelowGuo5 == 0 ? "符合" : "不符合：国五以下重型货车被放行"
        )).ToList();
        var normal = chosen.Where(d => d.Alert.Length == 0).ToList();
        var alert = chosen.Where(d => d.Alert.Length > 0).ToList();
        rows.Add(["正常日日均", "", Average(normal, d => d.Entries), Average(normal, d => d.Heavy), Average(normal, d => d.Denied), Average(normal, d => d.HeavyBelowGuo5), ""]);
        rows.Add(["预警日日均", "", Average(alert, d => d.Entries), Average(alert, d => d.Heavy), Average(alert, d => d.Denied), Average(alert, d => d.HeavyBelowGuo5), ""]);
        return new SheetTable("正常日与预警日", "days", ["日期", "管控状态", "进厂车次", "重型货车进厂", "拦截", "国五以下重型货车放行", "应急管控核对"], rows);
    }

    private static object Average(List<DayFigures> days, Func<DayFigures, long> value) =>
        days.Count == 0 ? "—" : Math.Round(days.Average(d => (double)value(d)), 1);

    private async Task<SheetTable> VideoAsync(string e, InspectionPlan plan, CancellationToken ct)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var window in plan.Windows)
        {
            var label = $"{window.GateId} {window.From:yyyy-MM-dd HH:mm}–{window.To:HH:mm}";
            var passages = await query.RowsAsync(
                """
                SELECT pass_time, lane_id, direction, plate_no, plate_color, vehicle_type, pictures, passage_id FROM passages FINAL
                WHERE enterprise_id = {e:String} AND gate_id = {g:String}
                  AND pass_time >= toDateTime({start:String}, 'Asia/Shanghai') AND pass_time < toDateTime({end:String}, 'Asia/Shanghai')
                ORDER BY pass_time, passage_id
                """,
                ClickHouseParameters.Of(("e", e), ("g", window.GateId), ("start", window.From.ToString("yyyy-MM-dd HH:mm:ss")),
                    ("end", window.To.ToString("yyyy-MM-dd HH:mm:ss"))),
                r => SheetTable.Row(
                    label, Convert.ToDateTime(r["pass_time"]), r.Text("lane_id"), r.Long("direction") == 1 ? "进厂" : "出厂", r.Text("plate_no"),
                    r.Text("plate_color"), r.Text("vehicle_type"), (string[])r["pictures"], r["passage_id"].ToString()
                ), ct);
            rows.AddRange(passages);
            if (passages.Count == 0) rows.Add([label, null, "", "", "本时段台账无通行记录", "", "", Array.Empty<string>(), ""]);
        }
        return new SheetTable("视频核验", "video", ["视频时段", "通行时间", "车道", "方向", "车牌号", "车牌颜色", "车辆类型", "照片", "通行记录编号"], rows);
    }

    private sealed record DayFigures(DateOnly Day, long Entries, long Heavy, long Denied, long HeavyBelowGuo5, string Alert);
}
