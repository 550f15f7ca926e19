using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace DataPlatform.Processing.Commands;

/// <summary>The JSON wire format of <c>control.commands</c> (UTF-8, camelCase; see <c>Commands/README.md</c>):
/// <c>{"commandId":"c-1","kind":"alert.set","issuedAt":"2026-11-28T08:00:00+08:00","enterpriseId":"E1302001",
/// "level":"orange","since":"2026-11-28T08:00:00+08:00"}</c>.</summary>
public static class ControlCommandCodec
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>Our documents are three levels deep (whitelist entries); a small limit keeps hostile nesting cheap.</summary>
    public const int MaxDepth = 8;

    /// <summary>Reads one command. Never throws: anything that is not a valid command comes back as a rejection
    /// with a code from <see cref="CommandRejectionCodes"/> and a reason naming the field.</summary>
    public static ControlCommandParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBytes)
            return ControlCommandParseResult.Failure(CommandRejectionCodes.TooLarge, $"input has {utf8Json.Length} bytes, more than {MaxBytes}");
        try
        {
            if (utf8Json.StartsWith("\uFEFF"u8))
                utf8Json = utf8Json[3..];
            if (!Utf8.IsValid(utf8Json))
                return ControlCommandParseResult.Failure(CommandRejectionCodes.BadJson, "input is not valid UTF-8");
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
                return ControlCommandParseResult.Failure(CommandRejectionCodes.BadJson, "content after the JSON object");
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            return ControlCommandParseResult.Failure(CommandRejectionCodes.BadJson, "not JSON: " + ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The contract is "never throws": the command consumer must dead-letter a message, not die on it.
            return ControlCommandParseResult.Failure(CommandRejectionCodes.BadJson, $"unreadable input ({ex.GetType().Name}): {ex.Message}");
        }
    }

    /// <summary>Reads one command from an already parsed element (the snapshot file holds many).</summary>
    public static ControlCommandParseResult Parse(JsonElement element)
    {
        try
        {
            return ControlCommandParseResult.Success(ControlCommandReader.Read(element));
        }
        catch (CommandFormatException ex)
        {
            return ControlCommandParseResult.Failure(ex.Code, ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // JsonElement.GetString throws this for escapes that decode to invalid UTF-16 (lone surrogates).
            return ControlCommandParseResult.Failure(CommandRejectionCodes.BadJson, "unreadable string: " + ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ControlCommandParseResult.Failure(CommandRejectionCodes.BadJson, $"unreadable input ({ex.GetType().Name}): {ex.Message}");
        }
    }

    /// <summary>Writes the canonical form.</summary>
    /// <exception cref="ArgumentException">the command would not read back (an invalid id, an empty window …):
    /// the output is parsed again, so a producer can never put a command on the topic that every consumer refuses.</exception>
    public static byte[] Serialize(ControlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, ControlCommandWriter.Options))
            ControlCommandWriter.Write(w, command);
        var bytes = buffer.WrittenSpan.ToArray();
        var check = Parse(bytes);
        return check.IsSuccess ? bytes : throw new ArgumentException($"cannot serialise control command: {check.Rejection}", nameof(command));
    }

    /// <summary>Writes the canonical form into an open writer (the snapshot file).</summary>
    internal static void Write(Utf8JsonWriter writer, ControlCommand command) => ControlCommandWriter.Write(writer, command);
}
