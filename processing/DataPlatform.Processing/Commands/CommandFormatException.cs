namespace DataPlatform.Processing.Commands;

/// <summary>Raised inside the reader only, to unwind from a nested field to
/// <see cref="ControlCommandCodec.Parse(System.Text.Json.JsonElement)"/>, which turns it into a rejection: the public
/// contract is "never throws".</summary>
internal sealed class CommandFormatException(string code, string reason) : Exception(reason)
{
    public string Code { get; } = code;
}
