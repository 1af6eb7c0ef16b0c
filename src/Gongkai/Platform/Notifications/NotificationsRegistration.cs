using Gongkai.Platform.Jobs;

namespace Gongkai.Platform.Notifications;

public static class NotificationsRegistration
{
    /// <summary>
    /// The outbox, the delivery job and the two channels: SMTP when <c>Notifications:Email:Host</c> is set, else a logging
    /// sender; the logging SMS gateway unless another <see cref="ISmsGateway"/> is registered.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection("Notifications"));
        services.AddSingleton<NotificationProtector>();
        services.AddSingleton(new Keys.ProtectedColumn(typeof(Notification), nameof(Notification.AddressProtected), NotificationProtector.Purpose));
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<NotificationList>();
        if (!string.IsNullOrWhiteSpace(configuration["Notifications:Email:Host"]))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, LoggingEmailSender>();
        }

        services.AddSingleton<ISmsGateway, LoggingSmsGateway>();
        services.AddDailyJob<DeliverNotifications>(configuration.GetValue("Notifications:Deliver", true));
        return services;
    }
}
