namespace DataPlatform.RegulatorSimulator.Commands;

/// <summary>Bad commands the platform can emit on demand, so a test proves the bridge never applies them.</summary>
public enum CommandForgery
{
    /// <summary>A well-formed command signed with a key that is not the platform's.</summary>
    Forged = 1,

    /// <summary>Correctly signed, but its envelope timestamp is far outside the message window.</summary>
    Expired = 2,

    /// <summary>The exact bytes of the last genuine command delivered (same nonce): a replay.</summary>
    Replayed = 3,

    /// <summary>Correctly signed, but its data is not a readable command (bad JSON and missing fields).</summary>
    Malformed = 4,

    /// <summary>Correctly signed, but a field was altered after signing.</summary>
    Tampered = 5,
}
