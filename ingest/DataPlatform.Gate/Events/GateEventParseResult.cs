using System.Diagnostics.CodeAnalysis;

namespace DataPlatform.Gate;

/// <summary>Exactly one of <see cref="Event"/> and <see cref="Rejection"/> is set.</summary>
public sealed class GateEventParseResult
{
    private GateEventParseResult(GateEvent? gateEvent, Rejection? rejection)
    {
        Event = gateEvent;
        Rejection = rejection;
    }

    public GateEvent? Event { get; }

    public Rejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Event))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsSuccess => Event is not null;

    public static GateEventParseResult Success(GateEvent gateEvent) =>
        new(gateEvent ?? throw new ArgumentNullException(nameof(gateEvent)), null);

    public static GateEventParseResult Failure(Rejection rejection) =>
        new(null, rejection ?? throw new ArgumentNullException(nameof(rejection)));

    public static GateEventParseResult Failure(string code, string reason) => new(null, new Rejection(code, reason));

    public override string ToString() => IsSuccess ? $"ok {Event.EventId}" : $"{Rejection.Code}: {Rejection.Reason}";
}
