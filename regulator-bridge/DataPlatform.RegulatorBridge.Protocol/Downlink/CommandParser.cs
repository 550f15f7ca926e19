using System.Globalization;
using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Downlink;

/// <summary>Turns a signed downlink message into commands, or refuses it with a reason. [P] The data field holds
/// <c>{commandId, commandType: "blacklist" | "emergency", …}</c>; a blacklist carries <c>items</c> (or one item
/// inline), each {plateNo, plateColor, reason, listTime, removeTime, entCode?}; an emergency measure carries
/// {entCode, startTime, endTime, warningLevel, responseLevel, rule}. Names and codes go through the profile.</summary>
public sealed class CommandParser
{
    private readonly CompiledProfile _profile;
    private readonly EnvelopeVerifier _verifier;
    private readonly string _entCode;

    /// <remarks><paramref name="entCode"/>: Our enterprise code: commands for another enterprise are refused.</remarks>
    public CommandParser(CompiledProfile profile, EnvelopeVerifier verifier, string entCode)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentException.ThrowIfNullOrEmpty(entCode);
        _profile = profile;
        _verifier = verifier;
        _entCode = entCode;
    }

    public CommandParseResult Parse(string? json, DateTimeOffset now, NonceWindow nonces)
    {
        var verification = _verifier.VerifyCommand(json, now, nonces);
        if (verification.Envelope is not { } envelope)
        {
            var r = verification.Rejection!;
            return CommandParseResult.Reject(Map(r.Reason), r.Message);
        }
        var style = _verifier.Style;
        if (envelope.Get(style.EntCodeField) is { } envelopeEnt && envelopeEnt != _entCode)
            return CommandParseResult.Reject(CommandRejectionReason.WrongEnterprise, $"报文企业编码 {envelopeEnt} 不是本企业 {_entCode}");
        // The verifier has already checked the timestamp; it is the command's issue time.
        ChinaTimestamp.TryParse(envelope.Get(style.TimestampField), style.TimestampFormat, out var issuedAt);
        var data = envelope.Get(style.DataField);
        if (data is null)
            return CommandParseResult.Reject(CommandRejectionReason.MissingField, $"缺少字段 {style.DataField}");
        try
        {
            using var document = JsonDocument.Parse(data, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return CommandParseResult.Reject(CommandRejectionReason.Malformed, "data 不是 JSON 对象");
            return ParseData(document.RootElement, issuedAt, now);
        }
        catch (JsonException e)
        {
            return CommandParseResult.Reject(CommandRejectionReason.Malformed, $"data 不是有效的 JSON：{e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return CommandParseResult.Reject(CommandRejectionReason.Malformed, $"data 字符串无效：{e.Message}");
        }
    }

    private CommandParseResult ParseData(JsonElement data, DateTimeOffset issuedAt, DateTimeOffset now)
    {
        var commandId = Text(data, FieldIds.CommandId);
        if (commandId is null)
            return Missing(FieldIds.CommandId, null);
        var type = Text(data, FieldIds.CommandType);
        if (type is null)
            return Missing(FieldIds.CommandType, commandId);
        return type.Trim().ToLowerInvariant() switch
        {
            "blacklist" or "黑名单" => ParseBlacklist(data, commandId, issuedAt),
            "emergency" or "emergencymeasure" or "应急" or "应急措施" => ParseMeasure(data, commandId, issuedAt, now),
            _ => CommandParseResult.Reject(CommandRejectionReason.UnknownCommandType, $"未知指令类型 {Clip(type)}", commandId),
        };
    }

    private CommandParseResult ParseBlacklist(JsonElement data, string commandId, DateTimeOffset issuedAt)
    {
        var itemsName = _profile.Fields.Wire(FieldIds.Items);
        var items = new List<JsonElement>();
        if (data.TryGetProperty(itemsName, out var array))
        {
            if (array.ValueKind != JsonValueKind.Array)
                return Invalid($"{itemsName} 不是数组", commandId);
            items.AddRange(array.EnumerateArray());
        }
        else
        {
            items.Add(data);
        }
        if (items.Count == 0)
            return Invalid("黑名单为空", commandId);
        var commands = new List<RegulatorCommand>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.ValueKind != JsonValueKind.Object)
                return Invalid($"黑名单第 {i + 1} 项不是对象", commandId);
            var where = items.Count == 1 ? "" : $"黑名单第 {i + 1} 项：";
            var plateText = Text(item, FieldIds.PlateNo);
            if (plateText is null)
                return Missing(FieldIds.PlateNo, commandId);
            if (!PlateNumber.TryParse(plateText, out var plate, out var plateReason))
                return Invalid($"{where}车牌 {Clip(plateText)} 无效：{plateReason}", commandId);
            var colorText = Text(item, FieldIds.PlateColor);
            if (colorText is null)
                return Missing(FieldIds.PlateColor, commandId);
            if (!_profile.Codec.TryPlateColorFromWire(colorText, out var color))
                return Invalid($"{where}号牌颜色 {Clip(colorText)} 无效", commandId);
            var reason = Text(item, FieldIds.Reason) ?? "";
            if (!TryTime(item, FieldIds.ListedAt, required: true, out var listedAt, out var timeError))
                return timeError.Reason == CommandRejectionReason.MissingField ? Missing(FieldIds.ListedAt, commandId) : Invalid(where + timeError.Message, commandId);
            if (!TryTime(item, FieldIds.RemovedAt, required: false, out var removedAt, out timeError))
                return Invalid(where + timeError.Message, commandId);
            if (removedAt is { } removed && removed < listedAt)
                return Invalid($"{where}移出时间早于列入时间", commandId);
            var ent = Text(item, FieldIds.EnterpriseId);
            if (ent is not null && ent != _entCode)
                return CommandParseResult.Reject(CommandRejectionReason.WrongEnterprise, $"{where}企业编码 {Clip(ent)} 不是本企业", commandId);
            var itemId = Text(item, FieldIds.CommandId) is { } own && items.Count > 1 ? own : items.Count == 1 ? commandId : $"{commandId}:{i + 1}";
            commands.Add(new BlacklistCommand(itemId, issuedAt, ent, plate, color, reason, listedAt!.Value, removedAt));
        }
        return CommandParseResult.Accept(commands);
    }

    private CommandParseResult ParseMeasure(JsonElement data, string commandId, DateTimeOffset issuedAt, DateTimeOffset now)
    {
        var ent = Text(data, FieldIds.EnterpriseId);
        if (ent is null)
            return Missing(FieldIds.EnterpriseId, commandId);
        if (ent != _entCode)
            return CommandParseResult.Reject(CommandRejectionReason.WrongEnterprise, $"措施企业编码 {Clip(ent)} 不是本企业 {_entCode}", commandId);
        if (!TryTime(data, FieldIds.StartTime, required: true, out var start, out var error)
            || !TryTime(data, FieldIds.EndTime, required: true, out var end, out error))
            return error.Reason == CommandRejectionReason.MissingField
                ? CommandParseResult.Reject(CommandRejectionReason.MissingField, error.Message, commandId)
                : Invalid(error.Message, commandId);
        if (end <= start)
            return Invalid("措施结束时间不晚于开始时间", commandId);
        if (end <= now)
            return CommandParseResult.Reject(CommandRejectionReason.Expired, $"措施已于 {ChinaTimestamp.Format(end!.Value, "yyyy-MM-dd HH:mm:ss")} 结束", commandId);
        var levelText = Text(data, FieldIds.WarningLevel);
        if (levelText is null)
            return Missing(FieldIds.WarningLevel, commandId);
        if (!AlertLevel.TryParse(levelText, out var level, out _))
            return Invalid($"预警级别 {Clip(levelText)} 无效", commandId);
        var responseLevel = level.ResponseLevel;
        if (Text(data, FieldIds.ResponseLevel) is { } responseText)
        {
            if (!TryResponseLevel(responseText, out responseLevel))
                return Invalid($"响应级别 {Clip(responseText)} 无效", commandId);
            // A measure whose two levels disagree is ambiguous about what the gate must do; refuse it rather than guess.
            if (responseLevel != level.ResponseLevel)
                return Invalid($"预警级别 {level.ChineseName} 与响应级别 {Clip(responseText)} 不一致", commandId);
        }
        var rule = Text(data, FieldIds.RuleText);
        if (rule is null)
            return Missing(FieldIds.RuleText, commandId);
        return CommandParseResult.Accept([new EmergencyMeasureCommand(commandId, issuedAt, ent, start!.Value, end!.Value, level, responseLevel, rule)]);
    }

    private static bool TryResponseLevel(string text, out int level)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out level))
            return level is >= 1 and <= 4;
        if (AlertLevel.TryParse(text, out var alert, out _))
        {
            level = alert.ResponseLevel;
            return true;
        }
        return false;
    }

    private bool TryTime(JsonElement element, string id, bool required, out DateTimeOffset? time, out CommandRejection error)
    {
        time = null;
        error = new CommandRejection(CommandRejectionReason.InvalidField, "", null);
        var text = Text(element, id);
        if (text is null)
        {
            error = new CommandRejection(CommandRejectionReason.MissingField, $"缺少字段 {_profile.Fields.Wire(id)}", null);
            return !required;
        }
        if (!ChinaTimestamp.TryParse(text, _profile.Profile.DateTimeFormat, out var parsed))
        {
            error = new CommandRejection(CommandRejectionReason.InvalidField,
                $"{_profile.Fields.Wire(id)} 时间 {Clip(text)} 格式错误，应为 {_profile.Profile.DateTimeFormat}", null);
            return false;
        }
        time = parsed;
        return true;
    }

    /// <summary>A field's value as text: strings as is, numbers as written; null when absent, null or blank.</summary>
    private string? Text(JsonElement element, string id)
    {
        if (!element.TryGetProperty(_profile.Fields.Wire(id), out var value))
            return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private CommandParseResult Missing(string id, string? commandId) =>
        CommandParseResult.Reject(CommandRejectionReason.MissingField, $"缺少字段 {_profile.Fields.Wire(id)}", commandId);

    private static CommandParseResult Invalid(string message, string commandId) =>
        CommandParseResult.Reject(CommandRejectionReason.InvalidField, message, commandId);

    private static CommandRejectionReason Map(EnvelopeRejectionReason reason) => reason switch
    {
        EnvelopeRejectionReason.Malformed => CommandRejectionReason.Malformed,
        EnvelopeRejectionReason.MissingField => CommandRejectionReason.MissingField,
        EnvelopeRejectionReason.UnsupportedSignType => CommandRejectionReason.UnsupportedSignType,
        EnvelopeRejectionReason.BadSignature => CommandRejectionReason.BadSignature,
        EnvelopeRejectionReason.Expired => CommandRejectionReason.Expired,
        EnvelopeRejectionReason.Replayed => CommandRejectionReason.Replayed,
        _ => CommandRejectionReason.Malformed,
    };

    private static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
