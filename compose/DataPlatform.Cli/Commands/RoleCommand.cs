using System.CommandLine;
using DataPlatform.Cli.Hosting;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform ingest|processing|analytics</c>: one role per process, as compose runs them;
/// addresses come from <c>appsettings.json</c> and environment variables.</summary>
public static class RoleCommand
{
    public static Command Create(string name, string description, PlatformRole role)
    {
        var command = new Command(name, description);
        command.SetAction(async (_, ct) =>
        {
            var builder = DataPlatformHostingExtensions.CreateBuilder();
            builder.AddDataPlatform(role);
            using var host = builder.Build();
            await host.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
