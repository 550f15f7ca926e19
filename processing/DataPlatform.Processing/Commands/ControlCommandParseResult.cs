using System.Diagnostics.CodeAnalysis;
using DataPlatform.Gate;

namespace DataPlatform.Processing.Commands;

/// <summary>Exactly one of <see cref="Command"/> and <see cref="Rejection"/> is set.</summary>
public sealed record ControlCommandParseResult(ControlCommand? Command, Rejection? Rejection)
{
    [MemberNotNullWhen(true, nameof(Command))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsSuccess => Command is not null;

    public static ControlCommandParseResult Success(ControlCommand command) => new(command, null);

    public static ControlCommandParseResult Failure(string code, string reason) => new(null, new Rejection(code, reason));

    public override string ToString() => IsSuccess ? $"ok {Command.Kind} {Command.CommandId}" : $"{Rejection.Code}: {Rejection.Reason}";
}
