#!/usr/bin/env bash
# Times `amable audit` against `wget -r` (and linkinator, when npm is available) on the same
# generated shop, served by nginx on 127.0.0.1, in the same run.
#
#   bench/run.sh [PAGES=2000] [RUNS=3] [PROFILE=light|heavy]
#
# PROFILE heavy makes pages like today's storefronts (bench/generate_shop.py --profile heavy:
# critical CSS, JSON-LD, an __INITIAL_STATE__ blob, SVG icons in every card, 20-product grids).
#
# Prints, per tool, the median of RUNS runs: pages fetched, wall seconds, pages/s, CPU seconds
# per page and peak RSS, then the ratios amable/wget and amable/linkinator. Installs nginx, wget
# and GNU time from Debian when they are missing; builds amable in build-release/.
set -euo pipefail

pages=${1:-2000}
runs=${2:-3}
profile=${3:-light}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${AMABLE_BENCH_DIR:-/tmp/amable-bench}
port=${AMABLE_BENCH_PORT:-18731}
mkdir -p "$work"

need=()
for p in nginx wget time python3; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if ((${#need[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

"$root/scripts/dev" build-release >/dev/null
amable="$root/build-release/amable"

site="$work/site-$profile-$pages"
if [[ ! -f "$site/index.html" ]]; then
  python3 "$root/bench/generate_shop.py" "$pages" "$site" --profile "$profile" >&2
  sed -i "s/PORT/$port/g" "$site/sitemap.xml"
fi

cat > "$work/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  sendfile on;
  keepalive_requests 100000;
  server { listen 127.0.0.1:$port; root $site; }
}
CONF
if curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
  echo "bench/run.sh: port $port is already served by another process; stop it or set AMABLE_BENCH_PORT" >&2
  exit 2
fi
nginx -c "$work/nginx.conf" &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null || true; wait $nginx_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break; sleep 0.1; done
kill -0 "$nginx_pid" 2>/dev/null || { echo "bench/run.sh: nginx did not start (see $work/nginx-error.log)" >&2; exit 2; }

# One timed run: prints "wall user sys maxrss_kb pages".
timed() {
  local name=$1
  shift
  local out="$work/out-$name"
  rm -rf "$out"
  mkdir -p "$out"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time-$name" "$@" >"$out/stdout" 2>"$out/stderr" || true
  local n
  case $name in
    wget) n=$(find "$out" -name '*.html' | wc -l) ;;
    amable) n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["pages"]))' "$out/stdout") ;;
    # linkinator lists every URL it checked (pages, images, scripts): count the HTML pages, as
    # for wget and amable.
    linkinator) n=$(python3 -c '
import json, re, sys
links = json.load(open(sys.argv[1]))["links"]
page = re.compile(r"(/|\.html?|/[^./]*)$")
print(len({l["url"] for l in links if l.get("status") == 200 and page.search(l["url"].split("?")[0])}))' "$out/stdout") ;;
  esac
  echo "$(tail -n 1 "$work/time-$name") $n"
}

tools=(wget amable)
command -v npx >/dev/null 2>&1 && [[ ${AMABLE_BENCH_LINKINATOR:-1} == 1 ]] && tools+=(linkinator)
if [[ " ${tools[*]} " == *" linkinator "* && ! -x "$work/node_modules/.bin/linkinator" ]]; then
  (cd "$work" && npm install --silent --no-audit --no-fund linkinator@6 >/dev/null 2>&1) || tools=(wget amable)
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs" >&2
declare -A results
for ((r = 0; r < runs; ++r)); do
  for tool in "${tools[@]}"; do
    case $tool in
      wget) line=$(timed wget wget -r -l inf -q -e robots=on -P "$work/out-wget" "http://127.0.0.1:$port/") ;;
      amable) line=$(timed amable "$amable" audit "http://127.0.0.1:$port/" --max-pages $((pages + 100)) -q -f json) ;;
      linkinator) line=$(timed linkinator "$work/node_modules/.bin/linkinator" "http://127.0.0.1:$port/" --recurse --format json --concurrency 100) ;;
    esac
    results[$tool]+="$line;"
  done
done

python3 - "$pages" "${tools[@]}" <<PY
import statistics, sys
pages = int(sys.argv[1])
raw = {$(for t in "${tools[@]}"; do printf '"%s": "%s",' "$t" "${results[$t]}"; done)}
rows = {}
for tool, runs in raw.items():
    vals = [list(map(float, r.split())) for r in runs.strip(";").split(";") if r]
    wall = statistics.median(v[0] for v in vals)
    cpu = statistics.median(v[1] + v[2] for v in vals)
    rss = statistics.median(v[3] for v in vals) / 1024
    n = statistics.median(v[4] for v in vals)
    rows[tool] = (n, wall, n / wall if wall else 0, cpu / n if n else 0, rss)
print(f"site: {pages} generated pages on nginx 127.0.0.1; median of {len(vals)} runs")
print(f"{'tool':<11} {'pages':>6} {'wall s':>8} {'pages/s':>9} {'CPU ms/page':>12} {'peak RSS MB':>12}")
for tool, (n, wall, rate, cpu, rss) in rows.items():
    print(f"{tool:<11} {n:>6.0f} {wall:>8.2f} {rate:>9.0f} {cpu*1000:>12.2f} {rss:>12.1f}")
if "amable" in rows and "wget" in rows:
    print(f"amable/wget pages/s: {rows['amable'][2] / rows['wget'][2]:.2f}")
if "amable" in rows and "linkinator" in rows and rows['linkinator'][2] > 0:
    print(f"amable/linkinator pages/s: {rows['amable'][2] / rows['linkinator'][2]:.2f}")
PY

# CPU per page, stage by stage, on (up to 2,000 of) the same pages: Google Benchmark.
if [[ -x "$root/build-release/amable_bench" ]]; then
  AMABLE_BENCH_PAGES="$site" "$root/build-release/amable_bench" --benchmark_filter='^(gumbo|parse|facts|audit)/' \
    --benchmark_repetitions=3 --benchmark_report_aggregates_only=true --benchmark_format=json 2>/dev/null >"$work/micro.json"
  python3 - "$work/micro.json" <<'PY'
import json, sys
rows = {b["run_name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("aggregate_name") == "median"}
pages = None
print("CPU per page on the same pages (Google Benchmark, median of 3):")
for name in ("gumbo/bare", "gumbo/stripped", "parse/page", "facts/page", "audit/page"):
    b = rows[name]
    per_page = 1000.0 / b["items_per_second"]
    print(f"  {name:<12} {per_page:6.2f} ms/page")
print(f"audit/page / gumbo/bare: {rows['audit/page']['cpu_time'] / rows['gumbo/bare']['cpu_time']:.2f}")
print(f"audit/page / gumbo/stripped: {rows['audit/page']['cpu_time'] / rows['gumbo/stripped']['cpu_time']:.2f}")
PY
fi
