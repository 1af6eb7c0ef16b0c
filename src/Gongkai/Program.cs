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
await app.PrepareDatabaseAsync();
app.MapGongkaiModules();
await app.RunAsync();
return 0;

public partial class Program;
