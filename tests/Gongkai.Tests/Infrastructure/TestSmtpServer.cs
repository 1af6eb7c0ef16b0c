using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer package), keeping every message it accepts, parsed with
/// MimeKit. Mail to <see cref="RejectedDomain"/> is refused with 550, as a server refuses an unknown mailbox.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string RejectedDomain = "bounce.example.cn";

    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public TestSmtpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public int Refused;

    /// <summary>The messages received so far to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (transaction.To.Any(m => string.Equals(m.Host, RejectedDomain, StringComparison.OrdinalIgnoreCase)))
            {
                Interlocked.Increment(ref server.Refused);
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "mailbox unavailable");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            server.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
