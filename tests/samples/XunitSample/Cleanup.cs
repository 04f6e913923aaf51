namespace XunitSample;

public class Cleanup
{
    // Fails an assertion, then its stubs are disposed: the listener's and the stub's disposal throw
    // and catch inside. The failure is the assertion's, not theirs.
    [Fact]
    public void Fails_ThenDisposesAStub()
    {
        using var service = LoopbackService.Start();
        using var stub = new StubThatThrowsWhenDisposed();

        Assert.Equal(503, 200);
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
