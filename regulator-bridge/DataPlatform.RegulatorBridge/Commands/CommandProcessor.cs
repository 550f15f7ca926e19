using Confluent.Kafka;
using DataPlatform.RegulatorBridge.Downlink;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Hosting;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.RegulatorBridge.Commands;

/// <summary>
/// One downlink message, polled or pushed: verify (signature with the platform key, timestamp window, nonce replay,
/// enterprise, fields), log it either way, and apply the accepted commands by publishing them to
/// <c>control.commands</c>, where processing's policy store folds them in. A rejected message is stored and logged
/// with its reason and never published. A receipt goes back when the profile asks for one.
/// </summary>
public sealed class CommandProcessor : IDisposable
{
    private readonly BridgeContext _bridge;
    private readonly CommandStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<CommandProcessor> _logger;
    private readonly CommandParser _parser;
    private readonly NonceWindow _nonces;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly IProducer<string, string> _producer;
    private long _applied;
    private long _rejected;

    public CommandProcessor(BridgeContext bridge, CommandStore store, IOptions<KafkaOptions> kafka, TimeProvider time, ILogger<CommandProcessor> logger)
    {
        _bridge = bridge;
        _store = store;
        _time = time;
        _logger = logger;
        _parser = new CommandParser(bridge.Profile, bridge.Verifier, bridge.EntCode);
        _nonces = new NonceWindow(bridge.Profile.Profile.Envelope.MessageWindow);
        _producer = new ProducerBuilder<string, string>(kafka.Value.Producer("regulator-bridge-commands")).Build();
    }

    public long Applied => Interlocked.Read(ref _applied);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <remarks><paramref name="transport"/>: <c>poll</c> or <c>push</c>.</remarks>
    public async Task<CommandParseResult> HandleAsync(string raw, string transport, CancellationToken ct)
    {
        CommandParseResult result;
        // The nonce window is not thread-safe, and one order of checks keeps replays deterministic.
        await _one.WaitAsync(ct);
        try
        {
            result = _parser.Parse(raw, _time.GetUtcNow(), _nonces);
        }
        finally
        {
            _one.Release();
        }
        if (result.Rejection is { } rejection)
        {
            Interlocked.Increment(ref _rejected);
            _logger.LogWarning("拒绝监管平台指令 {CommandId}: {Reason} {Message}", rejection.CommandId, rejection.Reason, rejection.Message);
            await _store.LogAsync(rejection.CommandId ?? "", "rejected", rejection.Reason.ToString(), rejection.Message, transport, raw, ct);
            // Only a command id the signature vouches for gets a status row: a forger must not overwrite a genuine one.
            if (rejection.CommandId is { } id && rejection.Reason is not (CommandRejectionReason.BadSignature or CommandRejectionReason.Replayed
                    or CommandRejectionReason.Malformed or CommandRejectionReason.UnsupportedSignType))
            {
                await _store.SaveAsync(new StoredCommand(id, "", _bridge.EntCode, _time.GetUtcNow(), null, null, "rejected",
                    rejection.Reason + ": " + rejection.Message, ""), ct);
                await ReceiptAsync(id, ReceiptStatus.Rejected, rejection.Message, transport, ct);
            }
            return result;
        }
        foreach (var command in result.Commands)
            await ApplyAsync(command, transport, raw, ct);
        return result;
    }

    private async Task ApplyAsync(RegulatorCommand command, string transport, string raw, CancellationToken ct)
    {
        // The receipt log and the repeat check are independent round trips: run them together, since a measure
        // must reach the gate within a second of issue.
        var receiptLogged = _store.LogAsync(command.CommandId, "received", "", "已接收", transport, raw, ct);
        var executedBefore = await _store.ExecutedAsync(command.CommandId, ct);
        await receiptLogged;
        if (executedBefore)
        {
            await ReceiptAsync(command.CommandId, ReceiptStatus.Executed, "已执行（重复下发）", transport, ct);
            return;
        }
        var (key, json) = ControlCommandMapper.Map(command);
        // Awaited with acks=all: the command is durable on the commands topic before we call it executed.
        await _producer.ProduceAsync(Topics.ControlCommands, new Message<string, string> { Key = key, Value = json }, ct);
        var (type, ent, from, to) = command switch
        {
            BlacklistCommand b => ("blacklist", b.EnterpriseId ?? "*", b.ListedAt, b.RemovedAt),
            EmergencyMeasureCommand m => ("emergency", m.EnterpriseId, m.Start, (DateTimeOffset?)m.End),
            _ => ("", "", command.IssuedAt, (DateTimeOffset?)null),
        };
        await _store.SaveAsync(new StoredCommand(command.CommandId, type, ent, command.IssuedAt, from, to, "executed", "已下发至门禁", json), ct);
        await _store.LogAsync(command.CommandId, "executed", "", "已下发至门禁策略", transport, json, ct);
        Interlocked.Increment(ref _applied);
        _logger.LogInformation("监管平台指令 {CommandId} 已下发至门禁: {Json}", command.CommandId, json);
        await ReceiptAsync(command.CommandId, ReceiptStatus.Executed, "已下发至门禁", transport, ct);
    }

    private async Task ReceiptAsync(string commandId, ReceiptStatus status, string message, string transport, CancellationToken ct)
    {
        if (!_bridge.Profile.Profile.CommandReceipts || _bridge.Profile.MethodFor(RecordKind.CommandReceipt) is null)
            return;
        var data = _bridge.Payloads.CommandReceipt(new CommandReceiptRecord(commandId, status, _time.GetUtcNow(), message));
        var reply = await _bridge.Client.SendAsync(RecordKind.CommandReceipt, data, null, ct);
        var ok = reply?.IsAcknowledged == true;
        await _store.LogAsync(commandId, ok ? "receipt-sent" : "receipt-failed", status.ToString(), ok ? message : reply?.Error ?? "", transport, data, ct);
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
        _one.Dispose();
    }
}
