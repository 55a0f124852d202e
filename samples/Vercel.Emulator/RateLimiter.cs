using System.Collections.Concurrent;

namespace Vercel.Emulator;

/// <summary>The outcome of counting one request against its token's window.</summary>
internal readonly record struct RateLimitDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset Reset, TimeSpan RetryAfter)
{
    /// <summary>Unix seconds (rounded up) when the window resets.</summary>
    public long ResetUnixSeconds => (Reset.ToUnixTimeMilliseconds() + 999) / 1000;

    /// <summary>Whole seconds until the window resets, at least 1.</summary>
    public long RetryAfterSeconds => Math.Max(1, (long)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>Fixed-window rate limit per token; a window starts with the token's first request in it.</summary>
internal sealed class RateLimiter(int limit, TimeSpan window)
{
    private sealed class Window
    {
        public DateTimeOffset Start;
        public int Count;
    }

    private readonly ConcurrentDictionary<string, Window> windows = new();

    public RateLimitDecision Hit(string token)
    {
        var tokenLimit = token == EmulatorSeed.RateLimitedToken ? 1 : limit;
        var state = windows.GetOrAdd(token, _ => new Window());
        lock (state)
        {
            var now = DateTimeOffset.UtcNow;
            if (state.Count == 0 || now >= state.Start + window)
            {
                state.Start = now;
                state.Count = 0;
            }
            if (state.Count <= tokenLimit)
            {
                state.Count++; // stop counting once over the limit
            }

            var reset = state.Start + window;
            return new RateLimitDecision(state.Count <= tokenLimit, tokenLimit, Math.Max(0, tokenLimit - state.Count), reset, reset - now);
        }
    }
}
