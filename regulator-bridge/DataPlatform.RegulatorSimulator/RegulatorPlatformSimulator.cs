using System.Net;
using DataPlatform.RegulatorSimulator.Commands;
using DataPlatform.RegulatorSimulator.Faults;
using DataPlatform.RegulatorSimulator.Platform;
using DataPlatform.RegulatorSimulator.Store;

namespace DataPlatform.RegulatorSimulator;

/// <summary>The regulator's platform side of both shipped profiles, on real sockets: an HTTP(S) gateway for the
/// baseline profile and a persistent TCP JSON-lines listener for the Hebei-style one. It verifies envelopes and
/// payloads, stores each record id once, answers with signed responses, issues signed commands (by poll or push)
/// and injects faults on demand. See README.md next to this file for the wire contract.</summary>
public sealed class RegulatorPlatformSimulator : IAsyncDisposable
{
    private readonly PlatformCore _core;
    private readonly HttpGateway _http;
    private readonly TcpGateway? _tcp;
    private readonly CommandScheduler _scheduler;

    private RegulatorPlatformSimulator(PlatformCore core, HttpGateway http, TcpGateway? tcp, CommandScheduler scheduler)
    {
        _core = core;
        _http = http;
        _tcp = tcp;
        _scheduler = scheduler;
    }

    public static Task<RegulatorPlatformSimulator> StartAsync(RegulatorSimulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, TimeProvider.System, ct);

    /// <remarks><paramref name="time"/>: The platform's clock: envelope freshness, received and acknowledgement
    /// times.</remarks>
    /// <exception cref="InvalidOperationException">the options are unusable (missing keys, unknown profile …).</exception>
    public static async Task<RegulatorPlatformSimulator> StartAsync(RegulatorSimulatorOptions options, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var core = PlatformCore.Create(options, time);
        HttpGateway? http = null;
        TcpGateway? tcp = null;
        try
        {
            http = await HttpGateway.StartAsync(core, options, ct).ConfigureAwait(false);
            if (core.TcpProfile is not null)
                tcp = TcpGateway.Start(core, options);
            var scheduler = new CommandScheduler(core, options.CommandSchedule, time);
            return new RegulatorPlatformSimulator(core, http, tcp, scheduler);
        }
        catch
        {
            if (tcp is not null)
                await tcp.DisposeAsync().ConfigureAwait(false);
            if (http is not null)
                await http.DisposeAsync().ConfigureAwait(false);
            core.Dispose();
            throw;
        }
    }

    /// <summary>The upload gateway URL (e.g. http://127.0.0.1:PORT/api/gateway): the baseline profile's
    /// <c>Https.BaseUrl</c>. A profile with a path template may append <c>/{method}</c>.</summary>
    public Uri HttpEndpoint => _http.GatewayUri;

    /// <summary>The root of the HTTP listener, for the <c>/sim/*</c> query and control endpoints.</summary>
    public Uri BaseAddress => _http.BaseUri;

    /// <exception cref="InvalidOperationException">no TCP profile is configured.</exception>
    public IPEndPoint TcpEndpoint => _tcp?.EndPoint ?? throw new InvalidOperationException("the simulator runs no TCP listener (RegulatorSimulator:TcpProfile is empty)");

    public SimulatorStore Store => _core.Store;

    /// <summary>The public half of the platform key: what the bridge verifies responses and commands with.</summary>
    public string PlatformPublicKeyPem => _core.PlatformPublicKeyPem;

    /// <summary>The fault plan in force.</summary>
    public FaultPlan Faults => _core.Faults.Plan;

    /// <summary>TCP connections that have logged in.</summary>
    public int TcpClientsLoggedIn => _tcp?.LoggedIn ?? 0;

    /// <summary>Replaces the fault plan; takes effect for the next attempt (the generator restarts from its seed).</summary>
    public void SetFaults(FaultPlan plan) => _core.Faults.Set(plan);

    /// <summary>Issues a blacklist entry; delivered on the next poll (HTTP) or pushed now to logged-in TCP links.</summary>
    public IssuedCommand IssueBlacklist(BlacklistOrder order) => _core.Commands.IssueBlacklist(order);

    public IssuedCommand IssueEmergencyMeasure(EmergencyMeasureOrder order) => _core.Commands.IssueEmergencyMeasure(order);

    /// <summary>Emits a deliberately bad command, delivered like a genuine one.</summary>
    public IssuedCommand IssueForgery(CommandForgery forgery, string? enterpriseCode = null) => _core.Commands.IssueForgery(forgery, enterpriseCode);

    /// <summary>Every command issued, with deliveries and receipts.</summary>
    public IReadOnlyList<IssuedCommand> Commands() => _core.Commands.All();

    public async ValueTask DisposeAsync()
    {
        await _scheduler.DisposeAsync().ConfigureAwait(false);
        if (_tcp is not null)
            await _tcp.DisposeAsync().ConfigureAwait(false);
        await _http.DisposeAsync().ConfigureAwait(false);
        _core.Dispose();
    }
}
