using Gongkai;
using Gongkai.Platform;
using Gongkai.Platform.Cli;

if (CliRunner.IsCommand(args))
{
    return await CliRunner.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGongkaiModules();

var app = builder.Build();
try
{
    await app.PrepareDatabaseAsync();
}
catch (Gongkai.Platform.Keys.KeyRingException e)
{
    // The master key is missing or wrong: say where it is expected, without a stack trace, and do not start.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

app.MapGongkaiModules();
await app.RunAsync();
return 0;

public partial class Program;
