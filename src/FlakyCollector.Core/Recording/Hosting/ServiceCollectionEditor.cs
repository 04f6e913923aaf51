using System.Reflection;

namespace FlakyCollector.Recording.Hosting;

/// <summary>
/// Reads and edits a Microsoft.Extensions.DependencyInjection <c>IServiceCollection</c> through
/// reflection, with the types of the very assemblies the application loaded (the recorder references
/// none of them).
/// </summary>
internal sealed class ServiceCollectionEditor
{
    private readonly object services;
    private readonly Type descriptorType;
    private readonly Type listType;
    private readonly ConstructorInfo factoryDescriptor;
    private readonly object singleton;

    private ServiceCollectionEditor(object services, Type descriptorType)
    {
        this.services = services;
        this.descriptorType = descriptorType;
        listType = typeof(IList<>).MakeGenericType(descriptorType);
        var lifetimeType = descriptorType.Assembly.GetType("Microsoft.Extensions.DependencyInjection.ServiceLifetime", throwOnError: true)!;
        singleton = Enum.ToObject(lifetimeType, 0);
        factoryDescriptor = descriptorType.GetConstructor([typeof(Type), typeof(Func<IServiceProvider, object>), lifetimeType])
            ?? throw new MissingMethodException(descriptorType.FullName, ".ctor(Type, Func<IServiceProvider, object>, ServiceLifetime)");
    }

    /// <summary>An editor for <paramref name="services"/>, or null when it is no service collection.</summary>
    public static ServiceCollectionEditor? For(object? services)
    {
        var descriptor = services?.GetType().GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>))
            .Select(i => i.GetGenericArguments()[0])
            .FirstOrDefault(t => t.FullName == "Microsoft.Extensions.DependencyInjection.ServiceDescriptor");
        return descriptor is null ? null : new ServiceCollectionEditor(services!, descriptor);
    }

    public void InsertFirst(Type serviceType, Func<IServiceProvider, object> factory) =>
        Call(listType, "Insert", 0, NewDescriptor(serviceType, factory, singleton));

    public void Add(Type serviceType, Func<IServiceProvider, object> factory) =>
        Call(typeof(ICollection<>).MakeGenericType(descriptorType), "Add", NewDescriptor(serviceType, factory, singleton));

    /// <summary>
    /// Replaces the last registration of <paramref name="serviceType"/> (the one the container
    /// resolves) by a factory that builds the original and hands it to <paramref name="decorate"/>.
    /// False when the service is not registered.
    /// </summary>
    public bool Decorate(Type serviceType, Func<object, object> decorate)
    {
        var count = (int)typeof(ICollection<>).MakeGenericType(descriptorType).GetProperty("Count")!.GetValue(services)!;
        var item = listType.GetProperty("Item")!;
        for (var i = count - 1; i >= 0; i--)
        {
            var original = item.GetValue(services, [i])!;
            if ((Type?)Property(original, "ServiceType") != serviceType || Property(original, "IsKeyedService") is true)
            {
                continue;
            }

            var lifetime = Property(original, "Lifetime")!;
            item.SetValue(services, NewDescriptor(serviceType, sp => decorate(CreateOriginal(original, sp)), lifetime), [i]);
            return true;
        }

        return false;
    }

    private void Call(Type declaring, string method, params object[] args) => declaring.GetMethod(method)!.Invoke(services, args);

    private object NewDescriptor(Type serviceType, Func<IServiceProvider, object> factory, object lifetime) =>
        factoryDescriptor.Invoke([serviceType, factory, lifetime]);

    private object CreateOriginal(object descriptor, IServiceProvider provider)
    {
        if (Property(descriptor, "ImplementationInstance") is { } instance)
        {
            return instance;
        }

        if (Property(descriptor, "ImplementationFactory") is Func<IServiceProvider, object> factory)
        {
            return factory(provider);
        }

        var implementation = (Type)Property(descriptor, "ImplementationType")!;
        var activator = descriptorType.Assembly.GetType("Microsoft.Extensions.DependencyInjection.ActivatorUtilities", throwOnError: true)!;
        var create = activator.GetMethod("CreateInstance", [typeof(IServiceProvider), typeof(Type), typeof(object[])])!;
        return create.Invoke(null, [provider, implementation, Array.Empty<object>()])!;
    }

    private static object? Property(object owner, string name) =>
        owner.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(owner);
}
