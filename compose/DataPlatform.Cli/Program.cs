using System.CommandLine;
using DataPlatform.Cli;
using DataPlatform.Cli.Hosting;
using DataPlatform.Engines.ClickHouse;

// Every command's unhandled error goes through CliErrors (message, hint, exit code), not the default handler's
// stack trace; --verbose adds the trace.
var parse = DataPlatformCommand.Create().Parse(args);
int exitCode;
try
{
    exitCode = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex)
{
    exitCode = CliErrors.Report(ex, parse.GetValue(CliErrors.Verbose), Console.Error);
}
return ChdbProcess.Exit(exitCode);
