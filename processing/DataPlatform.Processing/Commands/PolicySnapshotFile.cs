using System.Buffers;
using System.Globalization;
using System.Text.Json;
using DataPlatform.Compliance.Policies;
using DataPlatform.Gate;

namespace DataPlatform.Processing.Commands;

/// <summary>
/// The policy state on local disk, so the gate decides with the last known policies after a restart while Kafka
/// is unreachable. The state is written as the list of wire commands that rebuild it (one policy.add per policy,
/// one blacklist.add per listing including removed ones, one alert.set per declaration, …): one format to
/// read and review, and the codec's validation applies to the file too. Writes are atomic (temp file, fsync,
/// rename), so a crash leaves the old or the new snapshot, never a torn one.
/// </summary>
public static class PolicySnapshotFile
{
    public const string Format = "dataplatform.policy-state.v1";

    public static void Write(string path, PolicyState state, DateTimeOffset savedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, ControlCommandWriter.Options with { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("savedAt", ChinaTime.From(savedAt).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            w.WriteNumber("version", state.Version);
            w.WriteStartObject("offsets");
            foreach (var (partition, offset) in state.Offsets.OrderBy(o => o.Key))
            {
                w.WriteStartObject(partition.ToString(CultureInfo.InvariantCulture));
                w.WriteNumber("next", offset);
                w.WriteString("marker", state.Markers.GetValueOrDefault(partition, ""));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("commands");
            foreach (var command in Commands(state, savedAt))
                ControlCommandCodec.Write(w, command);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(buffer.WrittenSpan);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Reads a snapshot; null when there is none.</summary>
    /// <exception cref="InvalidDataException">the file exists but is not a readable snapshot.</exception>
    public static PolicySnapshot? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format)
                throw new InvalidDataException($"{path}: not a {Format} file");
            var offsets = new Dictionary<int, long>();
            var markers = new Dictionary<int, string>();
            foreach (var p in root.GetProperty("offsets").EnumerateObject())
            {
                var partition = int.Parse(p.Name, CultureInfo.InvariantCulture);
                offsets[partition] = p.Value.GetProperty("next").GetInt64();
                markers[partition] = p.Value.GetProperty("marker").GetString() ?? "";
            }
            var commands = new List<ControlCommand>();
            foreach (var element in root.GetProperty("commands").EnumerateArray())
            {
                var parsed = ControlCommandCodec.Parse(element);
                commands.Add(parsed.IsSuccess ? parsed.Command : throw new InvalidDataException($"{path}: {parsed.Rejection}"));
            }
            return new PolicySnapshot(root.GetProperty("version").GetInt64(), offsets, markers, commands);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new InvalidDataException($"{path}: unreadable policy snapshot: {ex.Message}", ex);
        }
    }

    /// <summary>Commands that rebuild <paramref name="state"/> from the seed.</summary>
    internal static IEnumerable<ControlCommand> Commands(PolicyState state, DateTimeOffset savedAt)
    {
        var set = state.Policies;
        var issued = set.AsOf ?? savedAt;
        var n = 0;
        string Id() => $"snapshot-{++n}";
        foreach (var policy in set.Policies)
            yield return new PolicyControlCommand(Id(), new AddPolicy(policy, issued));
        foreach (var entry in set.Blacklist.OrderBy(b => b.ListedAt).ThenBy(b => b.Vehicle.Plate.Text, StringComparer.Ordinal))
            yield return new PolicyControlCommand(Id(), new AddBlacklistEntry(entry, issued));
        foreach (var booking in set.Bookings)
            yield return new PolicyControlCommand(Id(), new AddBooking(booking, issued));
        foreach (var alert in set.AlertDeclarations)
            yield return new PolicyControlCommand(Id(), new SetAlertLevel(alert.EnterpriseId, alert.Level, alert.Since, issued));
        foreach (var vehicle in state.Learnt.Values.OrderBy(v => v.Plate.Text, StringComparer.Ordinal).ThenBy(v => v.PlateColor))
            yield return new RegisterVehicleCommand(Id(), vehicle, issued);
    }
}
