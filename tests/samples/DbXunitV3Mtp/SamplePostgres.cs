namespace DbXunitV3Mtp;

/// <summary>The PostgreSQL server the run was given (eng/postgres.sh starts one); no server is a failure, not a skip.</summary>
public static class SamplePostgres
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("SAMPLE_POSTGRES") is { Length: > 0 } text
            ? text
            : throw new InvalidOperationException("SAMPLE_POSTGRES is not set: start a server with eng/postgres.sh start and pass its connection string.");
}
