using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Downlink;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorSimulator.Commands;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>Commands the platform issued and their fate. A command's data is rendered per profile (field names,
/// codes and time formats differ) and every delivery of a genuine command is signed afresh (new nonce and
/// timestamp), because the bridge refuses a byte-identical repeat as a replay; commands stay idempotent by id.
/// A genuine command is delivered until a receipt arrives (or once, when the profile wants no receipts); a forgery
/// once.</summary>
internal sealed class CommandBook(PlatformCore core)
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, string> _lastGenuine = new(StringComparer.Ordinal);
    private int _sequence;

    public IssuedCommand IssueBlacklist(BlacklistOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!PlateNumber.TryParse(order.PlateNo, out _, out var why))
            throw new ArgumentException($"plate {order.PlateNo} is not valid: {why}", nameof(order));
        var issuedAt = core.Now;
        var id = NextId("BL", issuedAt);
        var entry = new BlacklistEntry(order.PlateNo, order.PlateColor, order.Reason, order.ListedAt ?? issuedAt, order.RemovedAt, order.EnterpriseCode);
        return Add(new Entry(id, Target(order.EnterpriseCode), "blacklist", p => new CommandDataBuilder(p).Blacklist(id, [entry]), issuedAt, null));
    }

    public IssuedCommand IssueEmergencyMeasure(EmergencyMeasureOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.End <= order.Start)
            throw new ArgumentException("the measure must end after it starts", nameof(order));
        var issuedAt = core.Now;
        var id = NextId("EM", issuedAt);
        var ent = Target(order.EnterpriseCode);
        return Add(new Entry(id, ent, "emergency",
            p => new CommandDataBuilder(p).EmergencyMeasure(id, ent, order.Start, order.End, order.WarningLevel, order.RuleText), issuedAt, null));
    }

    public IssuedCommand IssueForgery(CommandForgery forgery, string? enterpriseCode)
    {
        if (!Enum.IsDefined(forgery))
            throw new ArgumentOutOfRangeException(nameof(forgery), forgery, "not a forgery kind");
        var issuedAt = core.Now;
        var id = NextId("FG", issuedAt);
        var ent = Target(enterpriseCode);
        // A red alert that bans every truck: if a forgery were ever applied, the gate would show it at once.
        return Add(new Entry(id, ent, "emergency",
            p => new CommandDataBuilder(p).EmergencyMeasure(id, ent, issuedAt, issuedAt.AddHours(2), AlertLevel.Red, "伪造指令：禁止所有车辆进入"),
            issuedAt, forgery));
    }

    public IReadOnlyList<IssuedCommand> All()
    {
        lock (_gate)
            return _entries.Select(Snapshot).ToList();
    }

    /// <summary>The envelopes due on a poll of this enterprise, counted as delivered.</summary>
    public IReadOnlyList<string> TakeForPoll(string ent, CompiledProfile profile) => Take(ent, profile, PlatformMethods.CommandDelivery, null);

    /// <summary>The envelopes due on a TCP link of this enterprise (all, or just one new command), counted as delivered.</summary>
    public IReadOnlyList<string> TakeForPush(string ent, CompiledProfile profile, string? commandId = null) =>
        Take(ent, profile, PlatformMethods.CommandPush, commandId);

    /// <returns>Whether the command (or the command of an item id "id:n") is known.</returns>
    public bool RecordReceipt(string ent, string commandId, string status, string? message, DateTimeOffset at)
    {
        lock (_gate)
        {
            var entry = _entries.FirstOrDefault(e => e.Ent == ent && e.CommandId == commandId);
            var colon = commandId.LastIndexOf(':');
            if (entry is null && colon > 0)
                entry = _entries.FirstOrDefault(e => e.Ent == ent && e.CommandId == commandId[..colon]);
            core.Store.CountCommandReceipt();
            if (entry is null)
                return false;
            entry.Receipts.Add(new CommandReceipt(commandId, status, message, at));
            return true;
        }
    }

    private List<string> Take(string ent, CompiledProfile profile, string method, string? onlyId)
    {
        var wires = new List<string>();
        lock (_gate)
        {
            foreach (var entry in _entries.Where(e => e.Ent == ent && (onlyId is null || e.CommandId == onlyId)))
            {
                var due = entry.Forgery is null
                    ? entry.Receipts.Count == 0 && (profile.Profile.CommandReceipts || entry.Deliveries == 0)
                    : entry.Deliveries == 0;
                if (!due || Wire(entry, profile, method) is not { } wire)
                    continue;
                entry.Deliveries++;
                core.Store.CountCommandDelivery();
                wires.Add(wire);
            }
        }
        return wires;
    }

    private string? Wire(Entry entry, CompiledProfile profile, string method)
    {
        var now = core.Now;
        var style = profile.Profile.Envelope;
        var identity = new EnvelopeIdentity(core.Options.PlatformAppId, entry.Ent);
        var genuine = new EnvelopeBuilder(style, identity, core.PlatformSigner);
        var nonce = Guid.NewGuid().ToString();
        var data = entry.Data(profile);
        switch (entry.Forgery)
        {
            case null:
                var json = genuine.Build(method, data, now, nonce).Json;
                _lastGenuine[profile.Name] = json;
                return json;
            case CommandForgery.Forged:
                return new EnvelopeBuilder(style, identity, core.ForgerSigner).Build(method, data, now, nonce).Json;
            case CommandForgery.Expired:
                return genuine.Build(method, data, now - (style.MessageWindow * 2) - TimeSpan.FromMinutes(1), nonce).Json;
            case CommandForgery.Replayed:
                return _lastGenuine.GetValueOrDefault(profile.Name);
            case CommandForgery.Malformed:
                // Cut short: not JSON, and the command's fields are missing.
                return genuine.Build(method, data[..(data.Length / 2)], now, nonce).Json;
            default:
                var signed = JsonNode.Parse(genuine.Build(method, data, now, nonce).Json)!.AsObject();
                var measure = JsonNode.Parse(data)!.AsObject();
                measure[profile.Fields.Wire(RegulatorBridge.Records.FieldIds.RuleText)] = "篡改：仅允许国六车辆进入";
                signed[style.DataField] = measure.ToJsonString(Relaxed);
                return signed.ToJsonString(Relaxed);
        }
    }

    private IssuedCommand Add(Entry entry)
    {
        lock (_gate)
            _entries.Add(entry);
        core.Store.CountCommandIssued();
        core.RaiseCommandIssued(entry.Ent, entry.CommandId);
        lock (_gate)
            return Snapshot(entry);
    }

    private IssuedCommand Snapshot(Entry e) =>
        new(e.CommandId, e.Ent, e.Type, e.Data(core.DisplayProfile), e.IssuedAt, e.Forgery, e.Deliveries, e.Receipts.ToList());

    private string Target(string? ent)
    {
        var code = string.IsNullOrWhiteSpace(ent) ? core.PrimaryEnterprise : ent;
        if (!core.TryGetEnterprise(code, out _))
            throw new ArgumentException($"enterprise {code} is not known to the simulated platform", nameof(ent));
        return code;
    }

    private string NextId(string prefix, DateTimeOffset at) =>
        $"{prefix}-{ChinaTimestamp.Format(at, "yyyyMMddHHmmss")}-{Interlocked.Increment(ref _sequence).ToString("D4", CultureInfo.InvariantCulture)}";

    private sealed record Entry(string CommandId, string Ent, string Type, Func<CompiledProfile, string> Data, DateTimeOffset IssuedAt, CommandForgery? Forgery)
    {
        public int Deliveries { get; set; }

        public List<CommandReceipt> Receipts { get; } = [];
    }
}
