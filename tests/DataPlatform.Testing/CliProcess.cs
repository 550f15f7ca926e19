using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>The real <c>dataplatform</c> executable in a child process, so a test can kill it with SIGKILL
/// and start it again as an operator would.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private CliProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    public static CliProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the executable with extra environment variables, e.g. a role's engine addresses.</summary>
    public static CliProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dataplatform.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return new CliProcess(Process.Start(start)!);
    }

    /// <summary>Runs a short command to completion and returns its exit code and all it printed.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs a short command with extra environment variables, e.g. <c>DATAPLATFORM_DATA</c> naming the
    /// standalone whose ClickHouse passwords it should use.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        await process._process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        process._process.WaitForExit(); // drains the redirected streams
        return (process.ExitCode, process.Output);
    }

    public async Task WaitForOutputAsync(string text, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) throw new Xunit.Sdk.XunitException($"exited with {_process.ExitCode} before '{text}':\n{Output}");
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"no '{text}' within {within}:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut or the OOM killer.</summary>
    public void Kill9()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGINT, what Ctrl-C sends.</summary>
    public async Task<int> InterruptAsync(TimeSpan within)
    {
        // Bit 1 of SigIgn is SIGINT: ignored when the test run was started as a background job (see .ci/run).
        var ignored = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (ignored is not null && (Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16) & 2) != 0)
            throw new InvalidOperationException("the process ignores SIGINT, inherited from a test run started in the background; run the tests with `bash .ci/run`");
        Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        try
        {
            await _process.WaitForExitAsync(new CancellationTokenSource(within).Token);
        }
        catch (OperationCanceledException)
        {
            // Say where it hangs: the threads' stacks when dotnet-stack is installed, and the output's tail.
            var stacks = Path.Combine(Path.GetTempPath(), $"dataplatform-hang-{_process.Id}.txt");
            var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-stack");
            if (File.Exists(tool))
            {
                using var dump = Process.Start(new ProcessStartInfo(tool, ["report", "-p", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
                    { RedirectStandardOutput = true })!;
                await File.WriteAllTextAsync(stacks, await dump.StandardOutput.ReadToEndAsync());
            }
            throw new TimeoutException($"still running {within} after SIGINT (stacks: {stacks}); output ends:\n"
                + string.Join('\n', _output.TakeLast(30)));
        }
        return _process.ExitCode;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill9();
        _process.Dispose();
    }
}
