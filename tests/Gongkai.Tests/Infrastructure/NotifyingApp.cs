using System.Collections.Concurrent;
using Gongkai.Platform.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Infrastructure;

/// <summary>Captures the texts the application hands to its SMS gateway.</summary>
public sealed class CapturingSmsGateway : ISmsGateway
{
    public ConcurrentQueue<OutgoingMessage> Sent { get; } = new();

    public string Description => "测试网关";

    public Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}

/// <summary>An application that sends e-mail to a real SMTP server of its own and SMS to a capturing gateway, on a clock the test sets.</summary>
public interface INotifyingApp : IClockedApp
{
    TestSmtpServer Smtp { get; }

    CapturingSmsGateway Sms { get; }
}

internal static class Notifying
{
    public static void Configure(IWebHostBuilder builder, INotifyingApp app)
    {
        Clocked.Configure(builder, app.Clock);
        builder.UseSetting("Notifications:Email:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Email:Port", app.Smtp.Port.ToString());
        builder.UseSetting("Notifications:Email:Security", "None");
        builder.UseSetting("Notifications:Email:From", "gongkai@example.gov.cn");
        // The tests deliver the outbox themselves, so nothing is sent behind their back.
        builder.UseSetting("Notifications:Deliver", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<ISmsGateway>(app.Sms));
    }
}

public sealed class NotifyingSqliteApp : SqliteApp, INotifyingApp
{
    public FakeClock Clock { get; } = new();
    public TestSmtpServer Smtp { get; } = new();
    public CapturingSmsGateway Sms { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Notifying.Configure(builder, this);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class NotifyingPostgresApp : PostgresApp, INotifyingApp
{
    public FakeClock Clock { get; } = new();
    public TestSmtpServer Smtp { get; } = new();
    public CapturingSmsGateway Sms { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Notifying.Configure(builder, this);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
