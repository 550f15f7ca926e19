using DataPlatform.Streams.Settings;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest;

/// <summary>Checks <c>Ingest:*</c> at start, naming the setting: size limits that fit inside each other, intervals,
/// the picture store. (Devices are checked where they are registered: their messages name the device.)</summary>
public sealed class IngestOptionsValidation : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions o) => new SettingProblems()
        .NotBlank("Ingest:Urls", o.Urls)
        .InRange("Ingest:MaxEventBytes", o.MaxEventBytes, 256, 64 * 1024 * 1024)
        .InRange("Ingest:MaxPushBytes", o.MaxPushBytes, o.MaxEventBytes, 1024 * 1024 * 1024)
        .InRange("Ingest:MaxPictureBytes", o.MaxPictureBytes, 1, o.MaxPushBytes)
        .InRange("Ingest:JournalCompactionSeconds", o.JournalCompactionSeconds, 1, 86_400)
        .InRange("Ingest:DeviceSilenceSeconds", o.DeviceSilenceSeconds, 1, 86_400)
        .InRange("Ingest:SignatureMaxSkewSeconds", o.SignatureMaxSkewSeconds, 1, 86_400)
        .InRange("Ingest:AuthAlarmIntervalSeconds", o.AuthAlarmIntervalSeconds, 0, 86_400)
        .InRange("Ingest:MissingPictureAlarmCount", o.MissingPictureAlarmCount, 1, 10_000)
        .InRange("Ingest:MissingPictureWindowSeconds", o.MissingPictureWindowSeconds, 1, 7 * 86_400)
        .Add(o.PictureStore.Problem())
        .Result;
}
