namespace Gongkai.Platform.Jobs;

/// <summary>A job known to the runner; <paramref name="Automatic"/> false: only the command line runs it (a module's setting turned it off).</summary>
public sealed record RegisteredJob(Type JobType, bool Automatic);

public static class JobRegistration
{
    /// <summary>Registers a module's daily job (scoped: it gets a scope of its own for each run).</summary>
    public static IServiceCollection AddDailyJob<TJob>(this IServiceCollection services, bool automatic = true) where TJob : class, IDailyJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new RegisteredJob(typeof(TJob), automatic));
        return services;
    }

    /// <summary>The runner (a hosted service unless <c>Jobs:Enabled</c> is false) and what the page and command line read.</summary>
    public static IServiceCollection AddJobRunner(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobRunnerOptions>(configuration.GetSection("Jobs"));
        services.AddSingleton<JobRunner>();
        services.AddScoped<JobHistory>();
        if (configuration.GetValue("Jobs:Enabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        }

        return services;
    }
}
