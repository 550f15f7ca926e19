using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>Parses an incoming envelope's top level. Structure only: signature and freshness are
/// <see cref="EnvelopeVerifier"/>'s job.</summary>
public static class EnvelopeReader
{
    /// <summary>A downlink message larger than this is refused before parsing: commands and acknowledgements
    /// are small, and the bridge must not buffer whatever a broken peer sends.</summary>
    public const int MaxChars = 4 * 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static bool TryRead(string? json, [NotNullWhen(true)] out ReceivedEnvelope? envelope, out string reason)
    {
        envelope = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            reason = "报文为空";
            return false;
        }
        if (json.Length > MaxChars)
        {
            reason = $"报文过大（{json.Length} 字符，上限 {MaxChars}）";
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                reason = "报文不是 JSON 对象";
                return false;
            }
            var fields = new List<KeyValuePair<string, string?>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // Two values for one key would let the signer and the reader see different messages.
                if (!seen.Add(property.Name))
                {
                    reason = $"字段 {property.Name} 重复";
                    return false;
                }
                fields.Add(new(property.Name, SignedText(property.Value)));
            }
            envelope = new ReceivedEnvelope(fields);
            reason = "";
            return true;
        }
        catch (JsonException e)
        {
            reason = $"JSON 格式错误：{e.Message}";
            return false;
        }
        catch (InvalidOperationException e)
        {
            // GetString throws this for an escaped lone surrogate, which has no UTF-8 form to verify.
            reason = $"JSON 字符串无效：{e.Message}";
            return false;
        }
    }

    // [P] A string signs as its unescaped value, anything else as its raw JSON text: a platform that sends
    // data as an object signs the text it wrote, which is what it sent.
    private static string? SignedText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
