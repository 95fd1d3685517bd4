#!/usr/bin/env bash
# Instructions per page, counted by valgrind's callgrind (the same count on a busy or an idle
# machine), for Gumbo on the page as it is and with script and style bodies cut (the floor),
# amable's parse, and its whole per-page work (parse + every detector), on the same pages:
# ../shared/corpus, or AMABLE_BENCH_PAGES. Only the measured pass is counted
# (--toggle-collect), after one page has loaded the lexicons and phone metadata.
#
#   bench/instructions.sh        prints the counts per page and audit/page ÷ gumbo/stripped
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command -v valgrind >/dev/null || { apt-get install -y -qq valgrind >/dev/null; }
"$root/scripts/dev" build-release >/dev/null
bench="$root/build-release/amable_bench"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

count() {  # instructions inside one measured pass of a stage (loading and warm-up not counted)
  local f="$tmp/${1//\//_}"
  valgrind --tool=callgrind --toggle-collect='*measured_pass*' --callgrind-out-file="$f.cg" \
    "$bench" "--one-pass=$1" >"$f.out" 2>"$f.err"
  grep -m1 '^summary:' "$f.cg" | awk '{print $2}'
}
stripped=$(count gumbo/stripped)
gumbo=$(count gumbo/bare)
parse=$(count parse/page)
audit=$(count audit/page)
pages=$(awk '{print $1; exit}' "$tmp/gumbo_bare.out")
python3 - "$pages" "$stripped" "$gumbo" "$parse" "$audit" "$(cut -d' ' -f4- "$tmp/gumbo_bare.out" | sed 's/ ([0-9]*)$//')" <<'PY'
import sys
pages, stripped, gumbo, parse, audit = (int(x) for x in sys.argv[1:6])
per = lambda total: total / pages
print(f"pages: {pages} from {sys.argv[6]}; instructions per page (callgrind, the first page's warm-up not counted):")
print(f"  gumbo/bare      {per(gumbo) / 1e6:8.2f} M")
print(f"  gumbo/stripped  {per(stripped) / 1e6:8.2f} M   (script and style bodies cut first: the floor)")
print(f"  parse/page      {per(parse) / 1e6:8.2f} M")
print(f"  audit/page      {per(audit) / 1e6:8.2f} M   (parse + every detector)")
print(f"audit/page / gumbo/stripped: {per(audit) / per(stripped):.2f}")
PY
