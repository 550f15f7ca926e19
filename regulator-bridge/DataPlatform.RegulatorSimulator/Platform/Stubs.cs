using System.Net;
using DataPlatform.RegulatorSimulator.Commands;
using DataPlatform.RegulatorSimulator.Faults;
using DataPlatform.RegulatorSimulator.Store;

namespace DataPlatform.RegulatorSimulator.Platform;

// Placeholders so the public contract compiles while the internals are written; replaced in the next commit.
internal sealed class PlatformCore : IDisposable
{
    public static PlatformCore Create(RegulatorSimulatorOptions options, TimeProvider time) => throw new NotImplementedException();
    public object? TcpProfile => null;
    public SimulatorStore Store { get; } = new();
    public string PlatformPublicKeyPem => "";
    public FaultInjector Faults { get; } = new();
    public CommandBook Commands { get; } = new();
    public void Dispose() { }
}

internal sealed class FaultInjector
{
    public FaultPlan Plan { get; private set; } = new();
    public void Set(FaultPlan plan) => Plan = plan;
}

internal sealed class CommandBook
{
    public IssuedCommand IssueBlacklist(BlacklistOrder order) => throw new NotImplementedException();
    public IssuedCommand IssueEmergencyMeasure(EmergencyMeasureOrder order) => throw new NotImplementedException();
    public IssuedCommand IssueForgery(CommandForgery forgery, string? enterpriseCode) => throw new NotImplementedException();
    public IReadOnlyList<IssuedCommand> All() => [];
}

internal sealed class HttpGateway : IAsyncDisposable
{
    public static Task<HttpGateway> StartAsync(PlatformCore core, RegulatorSimulatorOptions options, CancellationToken ct) => throw new NotImplementedException();
    public Uri GatewayUri => new("http://127.0.0.1/");
    public Uri BaseUri => new("http://127.0.0.1/");
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class TcpGateway : IAsyncDisposable
{
    public static TcpGateway Start(PlatformCore core, RegulatorSimulatorOptions options) => throw new NotImplementedException();
    public IPEndPoint EndPoint => new(IPAddress.Loopback, 0);
    public int LoggedIn => 0;
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class CommandScheduler(PlatformCore core, CommandScheduleOptions options, TimeProvider time) : IAsyncDisposable
{
    public ValueTask DisposeAsync() { _ = (core, options, time); return ValueTask.CompletedTask; }
}
