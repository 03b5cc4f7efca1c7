#!/usr/bin/env bash
# Measures the foundation's budgets on this machine: cold start (process start → first 200 from /health,
# every module loaded, over a fresh database and over an existing one) and idle memory (RSS) of the host.
# Budgets: cold start < 2 s, idle RSS < 150 MB. Usage: tests/TsPmo.Benchmarks/startup-budget.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
out=$(mktemp -d)
trap '[ -f "$out/pid" ] && kill "$(cat "$out/pid")" 2>/dev/null; rm -rf "$out"' EXIT

dotnet publish host/TsPmo.Host -c Release -o "$out/app" --nologo -v quiet >/dev/null
port=5099
url="http://127.0.0.1:$port/health"

start_once() { # $1 = database file; prints milliseconds to the first 200
    local t0 t1
    t0=$(date +%s%N)
    (cd "$out/app" && ConnectionStrings__TsPmo="Data Source=$1" Logging__LogLevel__Default=Warning \
        exec dotnet TsPmo.Host.dll --urls "http://127.0.0.1:$port") >/dev/null 2>&1 &
    echo $! > "$out/pid"
    until curl -fs -o /dev/null "$url"; do sleep 0.01; done
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 ))
}

stop() { pid=$(cat "$out/pid"); kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

fresh=(); warm=()
for i in $(seq "$runs"); do
    fresh+=("$(start_once "$out/fresh-$i.db")"); stop
done
for i in $(seq "$runs"); do
    warm+=("$(start_once "$out/fresh-1.db")"); stop
done

start_once "$out/fresh-1.db" >/dev/null
for _ in $(seq 20); do curl -fs -o /dev/null "$url"; done
sleep 10
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$(cat "$out/pid")/status")
stop

echo "modules loaded: $(ls "$out/app/plugins" | tr '\n' ' ')"
echo "cold start, new database (ms):      ${fresh[*]}  → median $(printf '%s\n' "${fresh[@]}" | median)"
echo "cold start, existing database (ms): ${warm[*]}  → median $(printf '%s\n' "${warm[@]}" | median)"
echo "idle RSS after 20 requests + 10 s:  $((rss_kb / 1024)) MB"
