namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>The two upload queues the scheduler shares capacity between.</summary>
public enum QueueKind
{
    /// <summary>Records still inside their real-time deadline.</summary>
    RealTime = 1,

    /// <summary>Records past it: the 补传 backlog, sent oldest first.</summary>
    Backlog = 2,
}
