using System.Reflection;
using FluentValidation;
using MediatR;
using NtmWorkflow.Web.Infrastructure.Pipeline;

namespace NtmWorkflow.Web.Infrastructure;

public static class MediationSetup
{
    /// <summary>MediatR 5 has no DI package here: register its factory, the handlers and validators found by scanning, and the pipeline.</summary>
    public static IServiceCollection AddMediation(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddClosedImplementations(assembly, typeof(IRequestHandler<,>), _ => ServiceLifetime.Scoped);
        // A validator builds its rules in its constructor, which the profile showed costing more than validating: one
        // that needs nothing is built once. One that reads request-scoped services (a database, today's date) stays scoped.
        services.AddClosedImplementations(assembly, typeof(IValidator<>),
            type => type.GetConstructor(Type.EmptyTypes) is not null ? ServiceLifetime.Singleton : ServiceLifetime.Scoped);
        // Outermost first: time a job's run, log, then who may ask, then is it well formed, then one transaction around the work.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(JobTelemetryBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));
        return services;
    }

    private static void AddClosedImplementations(
        this IServiceCollection services, Assembly assembly, Type openInterface, Func<Type, ServiceLifetime> lifetime)
    {
        var implementations = assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false });
        foreach (var type in implementations)
        {
            foreach (var service in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface))
            {
                services.Add(new ServiceDescriptor(service, type, lifetime(type)));
            }
        }
    }
}
