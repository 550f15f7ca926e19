using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Compliance.Integrity;

/// <summary>The canonical bytes of a ledger record, version 1. Every string is UTF-8 prefixed by its byte length
/// (uint32 big-endian), so no choice of field values can make two different records encode alike:
/// <code>
/// "HJ1321-LEDGER-RECORD-V1"  (raw ASCII, no prefix)
/// str Kind, str RecordId, str EnterpriseId, str GateId, str Time (LedgerValues.Of: China time, invariant)
/// uint32 field count
/// per field, sorted by name (ordinal): str Name, byte 0 (null) | byte 1 then str Value
/// </code></summary>
public static class LedgerCanonical
{
    private static readonly byte[] RecordMagic = "HJ1321-LEDGER-RECORD-V1"u8.ToArray();
    private static readonly byte[] ChainMagic = "HJ1321-LEDGER-CHAIN-V1"u8.ToArray();

    // Strict: a lone surrogate would otherwise become U+FFFD, and two different texts would hash alike.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="ArgumentException">two fields share a name, or a text is not valid UTF-16.</exception>
    public static byte[] Encode(LedgerRecord record)
    {
        var fields = record.Fields.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        for (var i = 1; i < fields.Count; i++)
            if (fields[i].Name == fields[i - 1].Name)
                throw new ArgumentException($"record {record.RecordId} has field '{fields[i].Name}' twice", nameof(record));
        var buffer = new List<byte>(256);
        buffer.AddRange(RecordMagic);
        WriteString(buffer, record.Kind);
        WriteString(buffer, record.RecordId);
        WriteString(buffer, record.EnterpriseId);
        WriteString(buffer, record.GateId);
        WriteString(buffer, LedgerValues.Of(record.Time));
        WriteUInt32(buffer, (uint)fields.Count);
        foreach (var field in fields)
        {
            WriteString(buffer, field.Name);
            if (field.Value is null)
            {
                buffer.Add(0);
            }
            else
            {
                buffer.Add(1);
                WriteString(buffer, field.Value);
            }
        }
        return [.. buffer];
    }

    /// <summary>The hash a chain starts from: bound to the chain key, so a day's records cannot be moved to
    /// another gate's or day's chain with their seals.</summary>
    public static string GenesisHash(ChainKey chain)
    {
        var buffer = new List<byte>(64);
        buffer.AddRange(ChainMagic);
        WriteString(buffer, chain.EnterpriseId);
        WriteString(buffer, chain.GateId);
        WriteString(buffer, chain.ChinaDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData([.. buffer]));
    }

    /// <summary>SHA-256(previous hash bytes ‖ sequence as int64 big-endian ‖ canonical record), lower-case hex.</summary>
    public static string LinkHash(string prevHash, long sequence, LedgerRecord record)
    {
        var prev = TryHex(prevHash);
        var body = Encode(record);
        var input = new byte[prev.Length + 8 + body.Length];
        prev.CopyTo(input, 0);
        BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(prev.Length, 8), sequence);
        body.CopyTo(input, prev.Length + 8);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    // A tampered seal may hold anything; hash its text instead of failing, so verification reports it as altered.
    private static byte[] TryHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return Encoding.UTF8.GetBytes(hex);
        }
    }

    private static void WriteString(List<byte> buffer, string value)
    {
        var bytes = Utf8.GetBytes(value);
        WriteUInt32(buffer, (uint)bytes.Length);
        buffer.AddRange(bytes);
    }

    private static void WriteUInt32(List<byte> buffer, uint value)
    {
        Span<byte> span = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(span, value);
        buffer.AddRange(span);
    }
}
