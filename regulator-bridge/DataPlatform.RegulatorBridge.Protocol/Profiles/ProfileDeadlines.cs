namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>Time limits of a profile.</summary>
public sealed class ProfileDeadlines
{
    /// <summary>A record acknowledged within this span of its generation counts as transmitted in real time
    /// (spec §5 default 60 s); a first attempt after it is a 补传.</summary>
    public TimeSpan RealTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Heartbeat period (spec §5 default 60 s); on TCP also the keep-alive of the connection.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may take before it counts as a timeout.</summary>
    public TimeSpan Request { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often to poll for commands when the profile polls.</summary>
    public TimeSpan CommandPoll { get; set; } = TimeSpan.FromSeconds(10);

    public ProfileDeadlines Clone() => (ProfileDeadlines)MemberwiseClone();
}
