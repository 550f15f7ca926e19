using System.Diagnostics.CodeAnalysis;
using DataPlatform.Gate;

namespace DataPlatform.Devices;

/// <summary>What every device parser returns: exactly one of <see cref="Value"/> and <see cref="Rejection"/>.
/// Parsers never throw on input, so a caller only ever branches on <see cref="IsSuccess"/>.</summary>
public sealed class DeviceResult<T> where T : class
{
    private DeviceResult(T? value, Rejection? rejection)
    {
        Value = value;
        Rejection = rejection;
    }

    public T? Value { get; }

    public Rejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsSuccess => Value is not null;

    public static DeviceResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static DeviceResult<T> Failure(Rejection rejection) =>
        new(null, rejection ?? throw new ArgumentNullException(nameof(rejection)));

    public static DeviceResult<T> Failure(string code, string reason) => new(null, new Rejection(code, reason));

    public override string ToString() => IsSuccess ? $"ok {Value}" : $"{Rejection.Code}: {Rejection.Reason}";
}
