using System.Collections.Concurrent;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Signing;
using DataPlatform.RegulatorSimulator.Store;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>The simulated platform's state shared by both transports: profiles, keys, enterprises, nonce windows,
/// the store, the fault plan and the command book.</summary>
internal sealed partial class PlatformCore : IDisposable
{
    private readonly Dictionary<string, KnownEnterprise> _enterprises;
    private readonly ConcurrentDictionary<(string Profile, string Ent), NonceWindow> _nonces = new();
    private readonly ConcurrentDictionary<string, ResponseBuilder> _responses = new(StringComparer.Ordinal);

    private PlatformCore(
        RegulatorSimulatorOptions options, TimeProvider time, CompiledProfile? http, CompiledProfile? tcp,
        Rsa2Signer platformSigner, string platformPublicPem, Dictionary<string, KnownEnterprise> enterprises)
    {
        Options = options;
        Time = time;
        HttpProfile = http;
        TcpProfile = tcp;
        PlatformSigner = platformSigner;
        PlatformPublicKeyPem = platformPublicPem;
        _enterprises = enterprises;
        Store = new SimulatorStore(options.DataDirectory);
        Faults = new FaultInjector(options.FaultPlan);
        Commands = new CommandBook(this);
    }

    public RegulatorSimulatorOptions Options { get; }
    public TimeProvider Time { get; }
    public CompiledProfile? HttpProfile { get; }
    public CompiledProfile? TcpProfile { get; }
    public Rsa2Signer PlatformSigner { get; }

    /// <summary>A throwaway key that forged commands are signed with.</summary>
    public Rsa2Signer ForgerSigner => Forger.Value;

    // Generating a key takes from a tenth of a second to seconds on a busy machine: once per process, on first use.
    private static readonly Lazy<Rsa2Signer> Forger = new(() => Rsa2Signer.FromPrivateKeyPem(PlatformKeys.Generate().PrivatePem));

    public string PlatformPublicKeyPem { get; }
    public SimulatorStore Store { get; }
    public FaultInjector Faults { get; }
    public CommandBook Commands { get; }

    /// <summary>The profile a command's data is shown in when nobody asked for a particular one.</summary>
    public CompiledProfile DisplayProfile => HttpProfile ?? TcpProfile ?? ProfileRegistry.WithBuiltIns().Get(RegulatorProfiles.BaselineName);

    public string PrimaryEnterprise => Options.EnterpriseCode;

    public IReadOnlyCollection<string> EnterpriseCodes => _enterprises.Keys;

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <exception cref="InvalidOperationException">the options are unusable; the message names the option.</exception>
    public static PlatformCore Create(RegulatorSimulatorOptions options, TimeProvider time)
    {
        var registry = ProfileRegistry.WithBuiltIns(options.Profiles);
        CompiledProfile? Profile(string name, TransportKind transport, string option)
        {
            if (string.IsNullOrWhiteSpace(name))
                return null;
            if (!registry.TryGet(name, out var profile))
                throw new InvalidOperationException($"RegulatorSimulator:{option} '{name}' is not a known profile (known: {string.Join(", ", registry.Names)})");
            if (profile.Profile.Transport != transport)
                throw new InvalidOperationException($"RegulatorSimulator:{option} '{name}' is a {profile.Profile.Transport} profile, not {transport}");
            return profile;
        }

        var http = Profile(options.HttpProfile, TransportKind.Https, nameof(options.HttpProfile));
        var tcp = Profile(options.TcpProfile, TransportKind.TcpJsonLines, nameof(options.TcpProfile));

        var enterprises = new Dictionary<string, KnownEnterprise>(StringComparer.Ordinal);
        void AddEnterprise(string code, string appId, string pem, string path, string option)
        {
            var text = PlatformKeys.ReadPem(pem, path, option)
                ?? throw new InvalidOperationException($"RegulatorSimulator: enterprise {code} has no public key ({option}Pem or {option}Path)");
            enterprises[code] = new KnownEnterprise(code, appId, PlatformKeys.Public(text, $"public key of enterprise {code}"));
        }
        if (string.IsNullOrWhiteSpace(options.EnterpriseCode))
            throw new InvalidOperationException("RegulatorSimulator:EnterpriseCode is required");
        AddEnterprise(options.EnterpriseCode, options.AppId, options.EnterprisePublicKeyPem, options.EnterprisePublicKeyPath, "EnterprisePublicKey");
        foreach (var e in options.Enterprises)
        {
            if (string.IsNullOrWhiteSpace(e.EnterpriseCode))
                throw new InvalidOperationException("RegulatorSimulator:Enterprises has an entry without EnterpriseCode");
            AddEnterprise(e.EnterpriseCode, e.AppId, e.PublicKeyPem, e.PublicKeyPath, $"Enterprises:{e.EnterpriseCode}:PublicKey");
        }

        var privatePem = PlatformKeys.ReadPem(options.PlatformPrivateKeyPem, options.PlatformPrivateKeyPath, "PlatformPrivateKey");
        string publicPem;
        if (privatePem is null)
        {
            (privatePem, publicPem) = PlatformKeys.Generate();
            if (!string.IsNullOrWhiteSpace(options.DataDirectory))
            {
                Directory.CreateDirectory(options.DataDirectory);
                File.WriteAllText(Path.Combine(options.DataDirectory, "platform-public.pem"), publicPem);
            }
        }
        else
        {
            publicPem = PlatformKeys.PublicOf(privatePem);
        }
        var signer = PlatformKeys.Private(privatePem, "PlatformPrivateKey");
        return new PlatformCore(options, time, http, tcp, signer, publicPem, enterprises);
    }

    public bool TryGetEnterprise(string code, out KnownEnterprise enterprise) => _enterprises.TryGetValue(code, out enterprise!);

    /// <summary>Nonce windows are per profile and enterprise; <see cref="NonceWindow"/> is not thread-safe, so
    /// callers lock the instance.</summary>
    public NonceWindow NoncesFor(CompiledProfile profile, string ent) =>
        _nonces.GetOrAdd((profile.Name, ent), _ => new NonceWindow(profile.Profile.Envelope.MessageWindow));

    public ResponseBuilder ResponsesFor(CompiledProfile profile) =>
        _responses.GetOrAdd(profile.Name, _ => new ResponseBuilder(profile.Profile.Envelope, PlatformSigner));

    /// <summary>The same answer with its signature bytes altered: still Base64 of the right length, never valid.</summary>
    public static string CorruptSignature(string json, CompiledProfile profile)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var field = profile.Profile.Envelope.SignField;
        var signature = Convert.FromBase64String(node[field]!.GetValue<string>());
        for (var i = 0; i < signature.Length; i += 16)
            signature[i] ^= 0x5A;
        node[field] = Convert.ToBase64String(signature);
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Raised when a command for an enterprise is issued: (enterprise, command id), for TCP push.</summary>
    public event Action<string, string>? CommandIssued;

    public void RaiseCommandIssued(string ent, string commandId) => CommandIssued?.Invoke(ent, commandId);

    public void Dispose()
    {
        Store.Dispose();
        PlatformSigner.Dispose();
        foreach (var e in _enterprises.Values)
            e.Key.Dispose();
    }

    internal sealed record KnownEnterprise(string Code, string AppId, Rsa2Signer Key);
}
