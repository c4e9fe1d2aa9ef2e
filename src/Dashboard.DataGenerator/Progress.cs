using System.Diagnostics;

namespace Dashboard.DataGenerator;

/// <summary>A one-line progress bar: cases, rows/s, ETA. Redirected output gets a plain line every few seconds.</summary>
internal sealed class Progress(TextWriter log, int total)
{
    private readonly Stopwatch _sw = Stopwatch.StartNew();
    private readonly bool _interactive = !Console.IsOutputRedirected;
    private long _nextAt;

    public void Report(int done, long rows)
    {
        var ms = _sw.ElapsedMilliseconds;
        if (ms < _nextAt) return;
        _nextAt = ms + (_interactive ? 250 : 5000);
        Write(done, rows, final: false);
    }

    public void Finish(int done, long rows) => Write(done, rows, final: true);

    private void Write(int done, long rows, bool final)
    {
        var secs = Math.Max(_sw.Elapsed.TotalSeconds, 0.001);
        var share = total == 0 ? 1 : (double)done / total;
        var eta = done == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(secs / done * (total - done));
        const int width = 30;
        var filled = (int)(share * width);
        var line = $"[{new string('#', filled)}{new string('-', width - filled)}] {share,4:P0} {done:N0}/{total:N0} cases  " +
                   $"{done / secs:N0} cases/s  {rows / secs:N0} rows/s  elapsed {_sw.Elapsed:m\\:ss}  ETA {eta:m\\:ss}";
        if (_interactive) log.Write("\r" + line + (final ? Environment.NewLine : ""));
        else log.WriteLine(line);
    }
}
