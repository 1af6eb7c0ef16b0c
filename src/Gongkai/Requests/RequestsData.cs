using Gongkai.Platform.Data;
using Gongkai.Requests.Clock;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>The module's tables, reached through the platform's one DbContext without Platform knowing them.</summary>
public static class RequestsData
{
    extension(GongkaiDb db)
    {
        public DbSet<DisclosureRequest> DisclosureRequests => db.Set<DisclosureRequest>();
        public DbSet<RequestClockEvent> RequestClockEvents => db.Set<RequestClockEvent>();
        public DbSet<RequestAttachment> RequestAttachments => db.Set<RequestAttachment>();
        public DbSet<Handling.RequestTransfer> RequestTransfers => db.Set<Handling.RequestTransfer>();
        public DbSet<Sweep.RequestReminder> RequestReminders => db.Set<Sweep.RequestReminder>();
        public DbSet<Sweep.RequestSweepRun> RequestSweepRuns => db.Set<Sweep.RequestSweepRun>();
    }
}
