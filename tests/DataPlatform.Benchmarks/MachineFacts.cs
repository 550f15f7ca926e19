using System.Runtime;
using System.Runtime.InteropServices;

namespace DataPlatform.Benchmarks;

/// <summary>What the figures were measured on; throughput means little without it.</summary>
public static class MachineFacts
{
    public static void Print(TextWriter output)
    {
        output.WriteLine("== Machine ==");
        output.WriteLine($"CPU        {CpuModel()} — {Environment.ProcessorCount} logical cores");
        output.WriteLine($"Memory     {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):F1} GiB available to .NET");
        output.WriteLine($"OS         {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        output.WriteLine($".NET       {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        output.WriteLine($"librdkafka {Confluent.Kafka.Library.VersionString}");
#if DEBUG
        output.WriteLine("WARNING    Debug build: run with -c Release for representative figures.");
#endif
        output.WriteLine();
    }

    /// <summary>The benchmark process's peak resident memory (Linux VmHWM): the engines (chDB, the Kafka mock cluster)
    /// and the platform's stages in one process, as in standalone.</summary>
    public static void PrintPeakMemory(TextWriter output)
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        output.WriteLine($"Peak RSS   {self.PeakWorkingSet64 / (1024.0 * 1024):N0} MB (this process: embedded engines and the platform's stages together)");
        output.WriteLine();
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?[(line.IndexOf(':') + 1)..].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
