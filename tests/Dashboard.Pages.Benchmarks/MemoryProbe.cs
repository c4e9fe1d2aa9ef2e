using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

/// <summary>
/// Loaded into the app's process by the benchmark only (<c>DOTNET_STARTUP_HOOKS</c> pointing at this
/// assembly, with <c>BENCH_PROBE_PORT</c> set): nothing of it is part of the product, so no diagnostic
/// endpoint exists in any real deployment. It answers one line on 127.0.0.1:port: <c>gc</c> runs full
/// blocking, compacting collections and reports the live managed heap; <c>stats</c> reports without
/// collecting. Circuit counts come from Blazor's own meter (Microsoft.AspNetCore.Components.Server.Circuits).
/// </summary>
internal static class StartupHook
{
    private static long _activeCircuits, _connectedCircuits;

    public static void Initialize()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("BENCH_PROBE_PORT"), out var port)) return;
        var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Microsoft.AspNetCore.Components.Server.Circuits"
                    && instrument.Name is "aspnetcore.components.circuit.active" or "aspnetcore.components.circuit.connected")
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "aspnetcore.components.circuit.active") Interlocked.Add(ref _activeCircuits, value);
            else Interlocked.Add(ref _connectedCircuits, value);
        });
        meters.Start();

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        new Thread(() => Serve(listener)) { IsBackground = true, Name = "bench-probe" }.Start();
    }

    private static void Serve(TcpListener listener)
    {
        while (true)
        {
            using var client = listener.AcceptTcpClient();
            using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            var command = reader.ReadLine();
            if (command == "gc")
            {
                for (var i = 0; i < 3; i++)
                {
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                }
            }
            var info = GC.GetGCMemoryInfo();
            var json = JsonSerializer.Serialize(new ProbeReading(
                GC.GetTotalMemory(forceFullCollection: false), info.HeapSizeBytes, info.TotalCommittedBytes,
                Environment.WorkingSet, Interlocked.Read(ref _activeCircuits), Interlocked.Read(ref _connectedCircuits)));
            var bytes = Encoding.ASCII.GetBytes(json + "\n");
            stream.Write(bytes);
        }
    }
}

/// <summary>One reading of the app's memory: live managed bytes, GC heap and committed bytes, working set, circuits.</summary>
public sealed record ProbeReading(long LiveBytes, long HeapBytes, long CommittedBytes, long WorkingSetBytes, long ActiveCircuits, long ConnectedCircuits);
