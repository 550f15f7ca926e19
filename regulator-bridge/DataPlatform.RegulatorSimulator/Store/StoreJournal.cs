using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.RegulatorSimulator.Store;

/// <summary>The optional JSON-lines file behind the store: one line per accepted record and per first
/// acknowledgement. Appends are flushed per line, so a crash loses at most the line being written; a torn last
/// line is skipped on load.</summary>
internal sealed class StoreJournal : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _path;
    private StreamWriter? _writer;

    public StoreJournal(string path)
    {
        _path = path;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public IEnumerable<StoredRecord> Load()
    {
        var records = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
        var order = new List<string>();
        if (File.Exists(_path))
        {
            foreach (var line in File.ReadLines(_path, Encoding.UTF8))
            {
                JournalLine? entry;
                try
                {
                    entry = JsonSerializer.Deserialize<JournalLine>(line, Json);
                }
                catch (JsonException)
                {
                    continue;
                }
                if (entry?.Record is { } record && !records.ContainsKey(record.RecordId))
                {
                    records[record.RecordId] = record;
                    order.Add(record.RecordId);
                }
                else if (entry?.AckId is { } id && records.TryGetValue(id, out var held))
                {
                    // A null time reverts an acknowledgement whose answer could not be written.
                    records[id] = held with { AcknowledgedAt = entry.AckAt is { } at ? held.AcknowledgedAt ?? at : null };
                }
            }
        }
        return order.Select(id => records[id]).ToList();
    }

    public void Append(StoredRecord record) => Write(new JournalLine(record, null, null));

    public void AppendAck(string recordId, DateTimeOffset? at) => Write(new JournalLine(null, recordId, at));

    private void Write(JournalLine line)
    {
        _writer ??= new StreamWriter(new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { AutoFlush = true };
        _writer.Write(JsonSerializer.Serialize(line, Json) + "\n");
    }

    public void Dispose() => _writer?.Dispose();

    internal sealed record JournalLine(StoredRecord? Record, string? AckId, DateTimeOffset? AckAt);
}
