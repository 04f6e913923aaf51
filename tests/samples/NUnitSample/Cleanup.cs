namespace NUnitSample;

public class Cleanup
{
    // Fails an assertion, then its stubs are disposed: the listener's and the stub's disposal throw
    // and catch inside. The failure is the assertion's, not theirs.
    [Test]
    public void Fails_ThenDisposesAStub()
    {
        using var service = LoopbackService.Start();
        using var stub = new StubThatThrowsWhenDisposed();

        Assert.That(200, Is.EqualTo(503));
    }

    private sealed class StubThatThrowsWhenDisposed : IDisposable
    {
        public void Dispose()
        {
            try
            {
                throw new ObjectDisposedException("stub connection");
            }
            catch (ObjectDisposedException)
            {
                // Already closed by the service: nothing to do.
            }
        }
    }
}
