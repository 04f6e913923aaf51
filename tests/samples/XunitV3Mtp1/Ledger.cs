using System.Runtime.CompilerServices;

namespace XunitV3Mtp1;

/// <summary>
/// A small piece of "code under test". A new ledger starts closed and must be opened before
/// anything is posted; a caller that forgets gets an exception thrown from a private helper,
/// two frames below the caller.
/// </summary>
public sealed class Ledger
{
    private readonly List<decimal> _entries = [];
    private bool _isOpen;

    public decimal Balance => _entries.Sum();

    public void Open() => _isOpen = true;

    // NoInlining keeps both frames in the stack trace in Release builds too.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Post(decimal amount)
    {
        EnsureOpen();
        _entries.Add(amount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EnsureOpen()
    {
        if (!_isOpen)
        {
            throw new InvalidOperationException("ledger is closed");
        }
    }
}
