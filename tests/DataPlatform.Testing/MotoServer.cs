using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using DataPlatform.Pictures;
using Xunit;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>
/// A real S3-compatible server for the picture store tests (ingest's store and the bridge reading it): Python moto's <c>moto_server</c> (5.x) on a free
/// loopback port, started once per test class and killed at the end. Not a fake of ours: moto speaks the S3
/// REST protocol (SigV4, HEAD/PUT/GET objects, buckets) as MinIO or AWS would. Missing moto fails the tests
/// with the way to install it rather than skipping them.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    public const string AccessKey = "testing-access";
    public const string SecretKey = "testing-secret";
    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Find() ?? throw new InvalidOperationException(
            "moto_server not found (PATH, /root/.pyenv/shims). Install it: pip install 'moto[server]==5.2.1' " +
            "(or set MOTO_SERVER to its path); the S3 picture store tests need a real S3-compatible server.");
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(executable, ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode} before answering on {Endpoint}");
            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"moto_server did not answer on {Endpoint} within 60 s");
            await Task.Delay(200);
        }
    }

    public PictureStoreOptions Options(string bucket) => new()
    {
        Kind = "s3", ServiceUrl = Endpoint.ToString(), Bucket = bucket, AccessKey = AccessKey, SecretKey = SecretKey,
        Region = "us-east-1", ForcePathStyle = true, Prefix = "pictures/",
    };

    /// <summary>A client for the test's own look at the bucket (create it, list what the store wrote).</summary>
    public AmazonS3Client Client() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    public async Task<string> NewBucketAsync()
    {
        var name = "pictures-" + Guid.NewGuid().ToString("N")[..12];
        using var client = Client();
        await client.PutBucketAsync(name);
        return name;
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(10_000);
        }
        _process?.Dispose();
        return Task.CompletedTask;
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("MOTO_SERVER") is { Length: > 0 } configured && File.Exists(configured)) return configured;
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/root/.pyenv/shims");
        return dirs.Select(d => Path.Combine(d, "moto_server")).FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
