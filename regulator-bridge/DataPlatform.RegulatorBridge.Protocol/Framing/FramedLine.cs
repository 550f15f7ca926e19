namespace DataPlatform.RegulatorBridge.Framing;

/// <summary>One line read off a JSON-lines link: its text, or why it could not be read.</summary>
public sealed record FramedLine(string? Text, string? Error)
{
    public bool IsValid => Text is not null;
}
