using System.Text.Json;
using DataPlatform.RegulatorBridge.Hosting;
using DataPlatform.RegulatorBridge.Profiles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.RegulatorBridge.Commands;

/// <summary>Brings downlink messages to the <see cref="CommandProcessor"/>: the ones the platform pushes down the
/// persistent link, or, for polling profiles, the ones a poll returns (its response data: a JSON array of signed
/// command envelopes, as strings or objects, each verified on its own).</summary>
public sealed class CommandReceiver(BridgeContext bridge, CommandProcessor processor, TimeProvider time, ILogger<CommandReceiver> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await bridge.Ready.WaitAsync(stoppingToken);
            var profile = bridge.Profile;
            var pushed = ReadPushedAsync(stoppingToken);
            if (!profile.Profile.CommandsPushed && profile.MethodFor(RecordKind.CommandPoll) is not null)
                await PollAsync(stoppingToken);
            await pushed;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReadPushedAsync(CancellationToken ct)
    {
        await foreach (var line in bridge.Client.Transport.Pushed.ReadAllAsync(ct))
            await HandleAsync(line, "push", ct);
    }

    private async Task PollAsync(CancellationToken ct)
    {
        var entField = bridge.Profile.Fields.Wire(Records.FieldIds.EnterpriseId);
        while (!ct.IsCancellationRequested)
        {
            var reply = await bridge.Client.SendAsync(RecordKind.CommandPoll, $"{{\"{entField}\":{JsonSerializer.Serialize(bridge.EntCode)}}}", null, ct);
            if (reply is { IsAcknowledged: true, Response.Data: { } data })
                foreach (var message in Messages(data))
                    await HandleAsync(message, "poll", ct);
            else if (reply is not null)
                logger.LogDebug("指令轮询失败: {Reason}", reply.Error);
            await Task.Delay(bridge.Profile.Profile.Deadlines.CommandPoll, time, ct);
        }
    }

    private async Task HandleAsync(string message, string transport, CancellationToken ct)
    {
        try
        {
            await processor.HandleAsync(message, transport, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError("处理监管平台指令失败（将于下次轮询/推送时重试）: {Reason}", e.Message);
        }
    }

    /// <summary>The command envelopes in a poll answer's data.</summary>
    public static IReadOnlyList<string> Messages(string data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            var root = document.RootElement;
            var items = root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray().ToList(),
                JsonValueKind.Object when root.TryGetProperty("commands", out var list) && list.ValueKind == JsonValueKind.Array => list.EnumerateArray().ToList(),
                _ => [],
            };
            return items.Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText()).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
