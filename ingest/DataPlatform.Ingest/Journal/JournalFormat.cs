using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace DataPlatform.Ingest.Journal;

/// <summary>
/// Frame layout: length (4 bytes, little endian) · CRC-32 of the body (4) · body. Body: topic and key as
/// length-prefixed UTF-8, then the value. A torn write at the tail (crash mid-append) fails the length or CRC
/// check; reading stops there, which is safe because that event was never acknowledged.
/// </summary>
public static class JournalFormat
{
    public static byte[] Encode(JournalEntry entry)
    {
        var topic = Encoding.UTF8.GetBytes(entry.Topic);
        var key = Encoding.UTF8.GetBytes(entry.Key);
        var bodyLength = 2 + topic.Length + 2 + key.Length + entry.Value.Length;
        var frame = new byte[8 + bodyLength];
        var body = frame.AsSpan(8);
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)topic.Length);
        topic.CopyTo(body[2..]);
        var at = 2 + topic.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(body[at..], (ushort)key.Length);
        key.CopyTo(body[(at + 2)..]);
        entry.Value.CopyTo(body[(at + 2 + key.Length)..]);
        BinaryPrimitives.WriteInt32LittleEndian(frame, bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32.HashToUInt32(body));
        return frame;
    }

    /// <summary>Reads every intact frame; stops at the first torn or corrupt one.</summary>
    public static IEnumerable<JournalEntry> Decode(Stream stream)
    {
        var header = new byte[8];
        while (stream.ReadAtLeast(header, 8, throwOnEndOfStream: false) == 8)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            if (length < 4 || length > 64 * 1024 * 1024) yield break;
            var body = new byte[length];
            if (stream.ReadAtLeast(body, length, throwOnEndOfStream: false) != length) yield break;
            if (Crc32.HashToUInt32(body) != BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4))) yield break;
            if (TryParseBody(body) is { } entry) yield return entry; else yield break;
        }
    }

    private static JournalEntry? TryParseBody(byte[] body)
    {
        var span = body.AsSpan();
        int topicLength = BinaryPrimitives.ReadUInt16LittleEndian(span);
        if (2 + topicLength + 2 > span.Length) return null;
        var topic = Encoding.UTF8.GetString(span.Slice(2, topicLength));
        var at = 2 + topicLength;
        int keyLength = BinaryPrimitives.ReadUInt16LittleEndian(span[at..]);
        if (at + 2 + keyLength > span.Length) return null;
        var key = Encoding.UTF8.GetString(span.Slice(at + 2, keyLength));
        return new JournalEntry(topic, key, span[(at + 2 + keyLength)..].ToArray());
    }
}
