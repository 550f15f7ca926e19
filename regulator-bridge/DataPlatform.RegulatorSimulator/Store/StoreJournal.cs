using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Win32.SafeHandles;

namespace DataPlatform.RegulatorSimulator.Store;

/// <summary>The optional JSON-lines file behind the store: one line per accepted record and per acknowledgement
/// change. Each line goes to the file in one positional write, so a crash loses at most the line being written; a torn
/// last line is skipped on load and closed before the next append. The file also holds the payloads: the store keeps
/// where each record's line lies (<see cref="LineSpan"/>) and reads its payload back from there when asked, so the
/// memory a long-running simulator needs does not grow with the bytes it was sent.</summary>
internal sealed class StoreJournal : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    // Loading reads each record without its payload: the payload's JSON string is skipped, never made a string (it stays
    // in the file until a query asks for it).
    private static readonly JsonSerializerOptions WithoutPayloads = new(Json)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type != typeof(StoredRecord)) return;
                    foreach (var property in info.Properties)
                        if (property.Name == nameof(StoredRecord.Payload))
                            property.CustomConverter = new PayloadLeftInFile();
                },
            },
        },
    };

    private const byte NewLine = (byte)'\n';
    private readonly SafeFileHandle _file;
    // The file's length: where the next line goes. Appends come under the store's lock, one at a time.
    private long _length;

    public StoreJournal(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        _length = RandomAccess.GetLength(_file);
    }

    /// <summary>The records in first-received order, acknowledgements applied, each with its payload left out (an empty
    /// string, never read) and the place of the line that holds it. Ends a torn last line so the next append starts a line of its
    /// own.</summary>
    public List<(StoredRecord Record, LineSpan Line)> Load()
    {
        var records = new Dictionary<string, (StoredRecord Record, LineSpan Line)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (entry, line) in Lines())
        {
            if (entry.Record is { } record && !records.ContainsKey(record.RecordId))
            {
                records[record.RecordId] = (record, line);
                order.Add(record.RecordId);
            }
            else if (entry.AckId is { } id && records.TryGetValue(id, out var held))
            {
                // A null time reverts an acknowledgement whose answer could not be written.
                DateTimeOffset? acknowledgedAt = entry.AckAt is { } at ? held.Record.AcknowledgedAt ?? at : null;
                records[id] = (held.Record with { AcknowledgedAt = acknowledgedAt }, held.Line);
            }
        }
        if (_length > 0 && LastByte() != NewLine)
            Write([NewLine]);
        return order.Select(id => records[id]).ToList();
    }

    /// <summary>Appends the record's line; returns where it lies.</summary>
    public LineSpan Append(StoredRecord record) => Write(Line(new JournalLine(record, null, null)));

    public void AppendAck(string recordId, DateTimeOffset? at) => Write(Line(new JournalLine(null, recordId, at)));

    /// <summary>The payload of the record whose line lies at <paramref name="line"/>. Safe beside appends: the line was
    /// written whole before its place was known.</summary>
    public string PayloadAt(LineSpan line)
    {
        var bytes = new byte[line.Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(_file, bytes.AsSpan(read), line.Offset + read);
            if (n == 0)
                throw new InvalidDataException($"records.jsonl ends inside the line at byte {line.Offset}");
            read += n;
        }
        return JsonSerializer.Deserialize<JournalLine>(bytes, Json)?.Record?.Payload
               ?? throw new InvalidDataException($"records.jsonl holds no record at byte {line.Offset}");
    }

    public void Dispose() => _file.Dispose();

    private static byte[] Line(JournalLine line)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(line, Json);
        var bytes = new byte[json.Length + 1];
        json.CopyTo(bytes, 0);
        bytes[^1] = NewLine;
        return bytes;
    }

    private LineSpan Write(byte[] bytes)
    {
        var at = new LineSpan(_length, bytes.Length - 1);
        RandomAccess.Write(_file, bytes, _length);
        _length += bytes.Length;
        return at;
    }

    private byte LastByte()
    {
        Span<byte> last = stackalloc byte[1];
        RandomAccess.Read(_file, last, _length - 1);
        return last[0];
    }

    // Every line that parses (a torn or foreign line is skipped), with its place; the newline is not part of it.
    private IEnumerable<(JournalLine Entry, LineSpan Line)> Lines()
    {
        var buffer = new byte[1 << 16];
        long bufferAt = 0; // file offset of buffer[0]
        int start = 0, end = 0;
        while (true)
        {
            var newLine = Array.IndexOf(buffer, NewLine, start, end - start);
            if (newLine >= 0)
            {
                if (Parse(buffer, start, newLine - start) is { } entry)
                    yield return (entry, new LineSpan(bufferAt + start, newLine - start));
                start = newLine + 1;
                continue;
            }
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                bufferAt += start;
                end -= start;
                start = 0;
            }
            if (end == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer (an image's Base64)
            var read = RandomAccess.Read(_file, buffer.AsSpan(end), bufferAt + end);
            if (read == 0)
            {
                if (end > 0 && Parse(buffer, 0, end) is { } last)
                    yield return (last, new LineSpan(bufferAt, end));
                yield break;
            }
            end += read;
        }
    }

    private static JournalLine? Parse(byte[] buffer, int offset, int length)
    {
        try
        {
            return JsonSerializer.Deserialize<JournalLine>(buffer.AsSpan(offset, length), WithoutPayloads);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal sealed record JournalLine(StoredRecord? Record, string? AckId, DateTimeOffset? AckAt);

    private sealed class PayloadLeftInFile : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            reader.Skip();
            return "";
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            throw new NotSupportedException("the journal writes payloads with its full options");
    }
}

/// <summary>Where one line of <c>records.jsonl</c> lies: its first byte and its length without the newline.</summary>
internal readonly record struct LineSpan(long Offset, int Length);
