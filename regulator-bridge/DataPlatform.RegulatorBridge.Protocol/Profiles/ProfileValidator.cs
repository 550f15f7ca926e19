using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>Checks a profile before use, so a configuration mistake stops the bridge at start-up with a list of
/// problems instead of surfacing as refusals at 3 a.m.</summary>
public static class ProfileValidator
{
    public static IReadOnlyList<string> Validate(RegulatorProfile profile, IReadOnlyCollection<string> mappingNames)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
                problems.Add($"profile '{profile.Name}': {problem}");
        }

        Check(!string.IsNullOrWhiteSpace(profile.Name), "Name is empty");
        Check(Enum.IsDefined(profile.Transport), $"Transport {profile.Transport} is not defined");
        if (profile.Transport == TransportKind.Https)
            Check(Uri.TryCreate(profile.Https.BaseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http",
                $"Https.BaseUrl '{profile.Https.BaseUrl}' is not an absolute http(s) URL");
        if (profile.Transport == TransportKind.TcpJsonLines)
        {
            Check(!string.IsNullOrWhiteSpace(profile.Tcp.Host), "Tcp.Host is empty");
            Check(profile.Tcp.Port is > 0 and <= 65535, $"Tcp.Port {profile.Tcp.Port} is not a port");
            Check(profile.Tcp.MaxLineBytes >= 1024, "Tcp.MaxLineBytes is below 1024");
            Check(profile.Tcp.MissedHeartbeatsBeforeReconnect >= 1, "Tcp.MissedHeartbeatsBeforeReconnect is below 1");
        }
        foreach (var kind in new[] { RecordKind.Passage, RecordKind.Heartbeat })
            Check(profile.Methods.For(kind).Length > 0, $"Methods.{kind} is empty");
        if (profile.Pictures == PictureMode.SeparateUpload)
            Check(profile.Methods.Image.Length > 0, "Pictures is SeparateUpload but Methods.Image is empty");
        Check(Enum.IsDefined(profile.Pictures), $"Pictures {profile.Pictures} is not defined");
        if (!profile.CommandsPushed)
            Check(profile.Methods.CommandPoll.Length > 0, "commands are polled but Methods.CommandPoll is empty");
        if (profile.CommandReceipts)
            Check(profile.Methods.CommandReceipt.Length > 0, "CommandReceipts is on but Methods.CommandReceipt is empty");

        var envelope = profile.Envelope;
        var envelopeNames = new[]
        {
            envelope.AppIdField, envelope.EntCodeField, envelope.MethodField, envelope.TimestampField, envelope.NonceField,
            envelope.VersionField, envelope.SignTypeField, envelope.DataField, envelope.SignField,
        };
        Check(envelopeNames.All(n => !string.IsNullOrWhiteSpace(n)), "an Envelope field name is empty");
        Check(envelopeNames.Distinct(StringComparer.Ordinal).Count() == envelopeNames.Length, "two Envelope fields share a name");
        Check(TimeFormatRoundTrips(envelope.TimestampFormat), $"Envelope.TimestampFormat '{envelope.TimestampFormat}' does not round-trip to the second");
        Check(TimeFormatRoundTrips(profile.DateTimeFormat), $"DateTimeFormat '{profile.DateTimeFormat}' does not round-trip to the second");
        Check(envelope.MessageWindow > TimeSpan.Zero, "Envelope.MessageWindow must be positive");
        Check(envelope.SuccessCode.Length > 0, "Envelope.SuccessCode is empty");

        var deadlines = profile.Deadlines;
        Check(deadlines.RealTime > TimeSpan.Zero, "Deadlines.RealTime must be positive");
        Check(deadlines.Heartbeat > TimeSpan.Zero, "Deadlines.Heartbeat must be positive");
        Check(deadlines.Request > TimeSpan.Zero, "Deadlines.Request must be positive");
        Check(deadlines.CommandPoll > TimeSpan.Zero, "Deadlines.CommandPoll must be positive");

        Check(profile.RealTimeFlag.Length > 0 && profile.BackfillFlag.Length > 0 && profile.RealTimeFlag != profile.BackfillFlag,
            "RealTimeFlag and BackfillFlag must be distinct and non-empty");
        foreach (var (first, second, wire) in FieldMap.Collisions(profile.FieldNames))
            problems.Add($"profile '{profile.Name}': fields {first} and {second} both map to '{wire}'");
        foreach (var problem in ProfileCodec.Problems(profile.Codes))
            problems.Add($"profile '{profile.Name}': {problem}");
        foreach (var kind in new[] { RecordKind.Passage, RecordKind.VehicleRegister, RecordKind.InPlantVehicleRegister, RecordKind.NonRoadRegister })
            foreach (var unknown in MandatoryFields.Parse(profile.Completeness.For(kind)).SelectMany(g => g).Where(f => !FieldIds.All.Contains(f)))
                problems.Add($"profile '{profile.Name}': Completeness.{kind} names unknown field '{unknown}'");
        if (profile.MappingName.Length > 0)
            Check(mappingNames.Contains(profile.MappingName), $"MappingName '{profile.MappingName}' is not registered");
        return problems;
    }

    private static bool TimeFormatRoundTrips(string format)
    {
        if (string.IsNullOrWhiteSpace(format))
            return false;
        try
        {
            var probe = new DateTimeOffset(2026, 11, 28, 10, 15, 30, Gate.ChinaTime.Offset);
            var text = Envelope.ChinaTimestamp.Format(probe, format);
            return Envelope.ChinaTimestamp.TryParse(text, format, out var back) && back == probe;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
