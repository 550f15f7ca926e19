namespace DataPlatform.Cli.Hosting;

/// <summary>The services one <c>dataplatform</c> process can run; compose starts one process per role.</summary>
[Flags]
public enum PlatformRole
{
    None = 0,
    Ingest = 1,
    Processing = 2,
    Analytics = 4,

    /// <summary>The regulator bridge (runs only when <c>RegulatorBridge:Enabled</c> is true).</summary>
    Bridge = 8,
    All = Ingest | Processing | Analytics | Bridge,
}
