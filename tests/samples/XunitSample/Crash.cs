namespace XunitSample;

/// <summary>Ends the test process when SAMPLE_CRASH=1, as a crashing test (a native fault, a stack overflow) would.</summary>
public class Crash
{
    [Fact]
    public void Crashes_When_Asked()
    {
        if (Environment.GetEnvironmentVariable("SAMPLE_CRASH") == "1")
        {
            Environment.FailFast("the sample crashes on purpose");
        }
    }
}
