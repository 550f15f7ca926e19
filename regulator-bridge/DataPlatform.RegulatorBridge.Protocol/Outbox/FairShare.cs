namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>Splits slots between real-time and backlog: real-time first, but the backlog earns
/// <see cref="BackfillShare"/> of a slot for every slot both queues competed for, and takes a slot whenever it has
/// earned a whole one. So over k contested slots the backlog gets ⌊k·share⌋ or ⌈k·share⌉ and real-time the rest;
/// neither starves while 0 &lt; share &lt; 1. An uncontested slot goes to whichever queue has work and earns
/// nothing, so a long quiet spell cannot bank credit that later starves real-time.</summary>
public sealed class FairShare
{
    private double _credit;

    public FairShare(double backfillShare)
    {
        if (!(backfillShare > 0 && backfillShare < 1))
            throw new ArgumentOutOfRangeException(nameof(backfillShare), backfillShare, "the backfill share must be strictly between 0 and 1");
        BackfillShare = backfillShare;
    }

    public double BackfillShare { get; }

    /// <summary>Which queue gets the next slot; null when both are empty.</summary>
    public QueueKind? Next(bool realTimeWaiting, bool backlogWaiting)
    {
        if (!realTimeWaiting)
            return backlogWaiting ? QueueKind.Backlog : null;
        if (!backlogWaiting)
            return QueueKind.RealTime;
        _credit += BackfillShare;
        if (_credit >= 1 - 1e-9)
        {
            _credit -= 1;
            return QueueKind.Backlog;
        }
        return QueueKind.RealTime;
    }
}
