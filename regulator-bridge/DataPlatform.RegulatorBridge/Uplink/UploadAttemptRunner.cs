using System.Collections.Concurrent;
using DataPlatform.Pictures;
using DataPlatform.RegulatorBridge.Hosting;
using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Storage;
using DataPlatform.RegulatorBridge.Transports;

namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary>One attempt of one record: builds the profile's payload (pictures inline or uploaded first for a file
/// id), sends it and reports the reply with the completeness of what was actually sent.</summary>
public sealed class UploadAttemptRunner(BridgeContext bridge, UplinkPictures pictures)
{
    private readonly ConcurrentDictionary<string, string> _fileIds = new(StringComparer.Ordinal);

    /// <summary>A record whose payload cannot be built (a corrupt source) comes back as a local refusal without a
    /// platform response, which the uploader fails for good: one poison record must not stall the outbox.</summary>
    public async Task<(TransportReply Reply, CompletenessResult Completeness)> RunAsync(OutboxItem item, CancellationToken ct)
    {
        IUploadRecord record;
        try
        {
            record = Read(item.Entry, item.Source);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return (TransportReply.Failed(AttemptOutcome.Refused, $"无法构建上传报文：{e.Message}"), new CompletenessResult([FieldIds.RecordId], []));
        }
        return await SendAsync(item.Entry, record, ct);
    }

    /// <summary>The upload record of an outbox entry's source, by its kind.</summary>
    public static IUploadRecord Read(OutboxEntry entry, LedgerSource source) => source.Record.UploadKind == entry.Kind
        ? source.Record.ToUpload(entry.RecordId)
        : throw new InvalidOperationException($"no upload of kind {entry.Kind} from a {source.Record.Kind} record");

    private async Task<(TransportReply Reply, CompletenessResult Completeness)> SendAsync(OutboxEntry entry, IUploadRecord record, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (fieldId, reference) in LedgerRecord.Pictures(record).DistinctBy(p => p.Reference))
        {
            var (value, failure) = await PictureValueAsync(entry.RecordId, fieldId, reference, ct);
            if (failure is not null)
                return (failure, Completeness.Check(record, bridge.Profile.Profile.Completeness));
            if (value is not null)
                values[reference] = value;
        }
        var mode = entry.Mode ?? UploadMode.RealTime;
        string? Picture(string reference) => values.GetValueOrDefault(reference);
        var payload = record switch
        {
            PassageRecord p => bridge.Payloads.Passage(p, mode, Picture),
            VehicleRegisterRecord v => bridge.Payloads.VehicleRegister(v, mode, Picture),
            InPlantVehicleRecord i => bridge.Payloads.InPlantVehicleRegister(i, mode, Picture),
            NonRoadMachineRecord n => bridge.Payloads.NonRoadRegister(n, mode, Picture),
            _ => throw new InvalidOperationException($"no payload for {record.Kind}"),
        };
        var reply = await bridge.Client.SendAsync(record.Kind, payload.Json, entry.RecordId, ct)
            ?? TransportReply.Failed(AttemptOutcome.Refused, $"配置的接口没有 {record.Kind} 上传方法");
        return (reply, payload.Completeness);
    }

    /// <returns>The wire value (base64 or file id), null when the picture is not available, or the failed reply
    /// of its upload (the record then waits: sending it without the picture would lose it for good).</returns>
    private async Task<(string? Value, TransportReply? Failure)> PictureValueAsync(string ownerId, string fieldId, string reference, CancellationToken ct)
    {
        if (bridge.Profile.Profile.Pictures == PictureMode.SeparateUpload && _fileIds.TryGetValue(reference, out var known))
            return (known, null);
        var bytes = await pictures.ReadAsync(reference, ct);
        if (bytes is null)
            return (null, null);
        var base64 = Convert.ToBase64String(bytes);
        if (bridge.Profile.Profile.Pictures == PictureMode.Inline)
            return (base64, null);
        var imageId = RecordIds.Create(bridge.EntCode, RecordKind.Image, PictureRef.ContentId(reference));
        var upload = new ImageUploadRecord(imageId, ownerId, fieldId, base64);
        var reply = await bridge.Client.SendAsync(RecordKind.Image, bridge.Payloads.Image(upload), imageId, ct);
        if (reply is null)
            return (null, null);
        if (reply.IsAcknowledged && reply.Response is { } response && FileIdReader.TryRead(bridge.Profile, response, out var fileId))
        {
            _fileIds[reference] = fileId;
            return (fileId, null);
        }
        return (null, reply with { Error = $"图片上传失败：{reply.Error ?? "应答缺少文件编号"}" });
    }
}
