namespace FlakyCollector.Export;

/// <summary>An export request of known size, written into the request body only when it is sent.</summary>
internal interface IExportBody
{
    int Size { get; }

    void WriteTo(byte[] destination, int offset);
}
