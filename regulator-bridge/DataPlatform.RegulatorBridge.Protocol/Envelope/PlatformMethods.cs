namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>[P] Message names and data fields of the platform side that the profiles do not spell out.</summary>
public static class PlatformMethods
{
    /// <summary>TCP: the optional first line of a connection (data <c>{}</c>); any verified line also logs in.</summary>
    public const string Login = "LOGIN";

    /// <summary>TCP: the platform's answer to one line; it echoes the line's nonce in the nonce field.</summary>
    public const string Ack = "ACK";

    /// <summary>TCP: a command pushed down the link.</summary>
    public const string CommandPush = "COMMAND_PUSH";

    /// <summary>HTTPS: the method field of each command envelope inside a poll answer.</summary>
    public const string CommandDelivery = "gate.command.push";

    /// <summary>Poll answer data: <c>{"commands":["&lt;signed command envelope&gt;", …]}</c>.</summary>
    public const string CommandsField = "commands";

    /// <summary>Upload answer data: <c>{"recordId":"…","duplicate":true|false}</c> (images add fileId).</summary>
    public const string DuplicateField = "duplicate";
}
