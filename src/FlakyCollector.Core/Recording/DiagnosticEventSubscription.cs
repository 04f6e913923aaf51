using System.Diagnostics;

namespace FlakyCollector.Recording;

/// <summary>
/// The events of every DiagnosticListener of the given names, including listeners a library creates
/// later: how the collector reads what HttpClient, ASP.NET Core and the database libraries publish
/// without referencing them. The handler runs on the code path that wrote the event, so it must not throw.
/// </summary>
internal sealed class DiagnosticEventSubscription : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Func<string, bool> isListener;
    private readonly Func<string, object?, object?, bool> isEnabled;
    private readonly Action<KeyValuePair<string, object?>> onEvent;
    private readonly List<IDisposable> subscriptions = [];
    private readonly IDisposable allListeners;

    public DiagnosticEventSubscription(Func<string, bool> isListener, Func<string, object?, object?, bool> isEnabled, Action<KeyValuePair<string, object?>> onEvent)
    {
        this.isListener = isListener;
        this.isEnabled = isEnabled;
        this.onEvent = onEvent;
        // Calls OnNext at once for every listener that exists already: the fields above are set first.
        allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (isListener(value.Name))
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, isEnabled));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value) => onEvent(value);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        allListeners.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
            subscriptions.Clear();
        }
    }
}
