#!/usr/bin/env bash
# Shops per hour: `amable batch` (many shops at once in one process) against one `amable audit`
# per shop in sequence and under GNU parallel, on the same generated shops served on loopback
# with an added response delay standing in for the internet.
#
#   bench/batch.sh [SHOPS=200] [DELAY_MS=50-100] [JOBS=8]
#
# Shops are shopN.localhost (libcurl resolves *.localhost to 127.0.0.1 itself), 20 to 100
# pages each (bench/generate_shop.py), served by one threaded Python server that waits a
# random 50-100 ms before each answer. Prints shops/hour, wall seconds, CPU seconds and peak
# RSS per way of running, and the rows' size per shop.
set -euo pipefail
shops=${1:-200}
delay=${2:-50-100}
jobs=${3:-8}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${AMABLE_BENCH_DIR:-/tmp/amable-bench}/batch
port=${AMABLE_BENCH_PORT:-18741}
mkdir -p "$work"
for p in time parallel; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p" >/dev/null; }
done
"$root/scripts/dev" build-release >/dev/null
amable="$root/build-release/amable"

for size in 20 40 60 80 100; do
  [[ -f $work/site-$size/index.html ]] || python3 "$root/bench/generate_shop.py" "$size" "$work/site-$size" --seed "$size" >/dev/null
done
: >"$work/shops.txt"
for ((i = 0; i < shops; ++i)); do echo "http://shop$i.localhost:$port/" >>"$work/shops.txt"; done

python3 - "$work" "$port" "$delay" <<'PY' &
import http.server, os, random, socketserver, sys, time
work, port, delay = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lo, hi = (int(x) for x in delay.split("-"))
sizes = [20, 40, 60, 80, 100]
class Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path):
        host = self.headers.get("Host", "shop0.localhost").split(":")[0]
        n = int(host.split(".")[0][4:] or 0)
        self.directory = os.path.join(work, f"site-{sizes[n % 5]}")
        return super().translate_path(path)
    def send_head(self):
        time.sleep(random.uniform(lo, hi) / 1000.0)
        return super().send_head()
    def log_message(self, *a):
        pass
class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 256
Server(("127.0.0.1", port), Handler).serve_forever()
PY
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1

measure() {  # name, command...: prints "name wall cpu rss_kb"
  local name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time-$name" "$@" >/dev/null 2>"$work/err-$name" || true
  read -r wall user sys rss <"$work/time-$name"
  echo "$name $wall $(echo "$user + $sys" | bc) $rss"
}
rm -f "$work/rows.jsonl"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $shops shops, $delay ms per answer" >&2
results=()
results+=("$(measure batch "$amable" batch "$work/shops.txt" --out "$work/rows.jsonl" -q)")
results+=("$(measure parallel parallel -j "$jobs" "$amable" audit {} -f json -q --max-pages 100 --render never --concurrency 4 --jobs 1 :::: "$work/shops.txt")")
results+=("$(measure sequential sh -c "while read -r u; do '$amable' audit \"\$u\" -f json -q --max-pages 100 --render never --concurrency 4 --jobs 1 >/dev/null || true; done <'$work/shops.txt'")")
rows=$(wc -l <"$work/rows.jsonl")
bytes=$(wc -c <"$work/rows.jsonl")
printf '%-11s %8s %10s %8s %12s\n' "way" "wall s" "shops/h" "CPU s" "peak RSS MB"
for r in "${results[@]}"; do
  read -r name wall cpu rss <<<"$r"
  printf '%-11s %8.1f %10.0f %8.1f %12.1f\n' "$name" "$wall" "$(echo "$shops * 3600 / $wall" | bc -l)" "$cpu" "$(echo "$rss / 1024" | bc -l)"
done
echo "batch: $rows rows, $((bytes / rows)) bytes a row (GNU time's RSS for parallel and sequential is one audit's, the largest)"
