-- wrk reports p50/p75/p90/p99 with --latency; the budgets are stated at p95, so print it (and p99) too.
done = function(summary, latency, requests)
    io.write(string.format("requests: %d, errors: %d (non-2xx/3xx: %d)\n", summary.requests,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
    io.write(string.format("p50: %.2f ms  p95: %.2f ms  p99: %.2f ms  max: %.2f ms\n",
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
