#!/usr/bin/env bash
# Rendering cost: amable on a generated shop whose header, menu and footer a script fetches
# (bench/generate_shop.py --script-chrome), read from a folder, with --render never (raw HTML:
# the footer unseen) and --render auto (every page rendered in one headless Chromium).
#
#   bench/render.sh [PAGES=200] [RUNS=3] [TABS=2]
#
# Prints per mode the median of RUNS runs: pages, wall seconds, pages/s, amable's CPU ms per
# page (user + sys, GNU time) and the browser's CPU ms per rendered page (every process of its
# group, which amable reports in its note), peak RSS of amable; then the figure Lighthouse is
# quoted at for comparison. Needs chromium-headless-shell (scripts/dev test installs it).
set -euo pipefail

pages=${1:-200}
runs=${2:-3}
tabs=${3:-2}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${AMABLE_BENCH_DIR:-/tmp/amable-bench}
mkdir -p "$work"
dpkg-query -W -f='${Status}' time 2>/dev/null | grep -q "ok installed" ||
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null; }

"$root/scripts/dev" build-release >/dev/null
amable="$root/build-release/amable"
site="$work/script-site-$pages"
[[ -f "$site/index.html" ]] || python3 "$root/bench/generate_shop.py" "$pages" "$site" --script-chrome >&2

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs; $tabs tabs" >&2
results=""
for ((r = 0; r < runs; ++r)); do
  for mode in never auto; do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time-render" "$amable" audit "$site" --render "$mode" --render-tabs "$tabs" \
      --max-pages $((pages + 100)) -q -f json >"$work/render-$mode.json" || true
    results+="$mode $(tail -n 1 "$work/time-render") $(python3 - "$work/render-$mode.json" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
rendered, cpu = 0, 0.0
for n in r["notes"]:
    m = re.match(r"(\d+) pages? (?:was|were) rendered .* ([\d.]+) s of CPU", n)
    if m:
        rendered, cpu = int(m.group(1)), float(m.group(2))
print(len(r["pages"]), rendered, cpu)
PY
);"
  done
done

python3 - "$pages" "$runs" "$results" <<'PY'
import statistics, sys
pages, runs, raw = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
by_mode = {}
for line in filter(None, raw.split(";")):
    mode, *vals = line.split()
    by_mode.setdefault(mode, []).append(list(map(float, vals)))
print(f"site: {pages} generated pages, header/menu/footer fetched by a script, read from a folder; median of {runs} runs")
print(f"{'--render':<9} {'pages':>6} {'rendered':>9} {'wall s':>8} {'pages/s':>8} {'amable CPU ms/page':>19} {'browser CPU ms/rendered page':>29} {'peak RSS MB':>12}")
for mode, vals in by_mode.items():
    med = lambda i: statistics.median(v[i] for v in vals)
    wall, cpu, rss, n, rendered, browser = med(0), med(1) + med(2), med(3) / 1024, med(4), med(5), med(6)
    per_rendered = f"{browser * 1000 / rendered:.0f}" if rendered else "-"
    print(f"{mode:<9} {n:>6.0f} {rendered:>9.0f} {wall:>8.2f} {n / wall:>8.1f} {cpu * 1000 / n:>19.1f} {per_rendered:>29} {rss:>12.1f}")
print("Lighthouse (a browser for every page, every audit): about 10 s a page, 0.1 pages/s")
PY
