#!/usr/bin/env bash
# Instructions per page, counted by valgrind's callgrind (the same count on a busy or an idle
# machine), for a bare Gumbo parse and for amable's whole per-page work (parse + every
# detector), on the same pages: ../shared/corpus, or AMABLE_BENCH_PAGES.
#
#   bench/instructions.sh        prints both counts per page and their ratio
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command -v valgrind >/dev/null || { apt-get install -y -qq valgrind >/dev/null; }
"$root/scripts/dev" build-release >/dev/null
bench="$root/build-release/amable_bench"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

count() {  # total instructions of one pass of a stage
  local f="$tmp/${1//\//_}"
  valgrind --tool=callgrind --callgrind-out-file="$f.cg" "$bench" "--one-pass=$1" >"$f.out" 2>"$f.err"
  grep -m1 '^summary:' "$f.cg" | awk '{print $2}'
}
none=$(count none)
gumbo=$(count gumbo/bare)
parse=$(count parse/page)
audit=$(count audit/page)
pages=$(awk '{print $1; exit}' "$tmp/none.out")
python3 - "$pages" "$none" "$gumbo" "$parse" "$audit" "$(cut -d' ' -f4- "$tmp/none.out" | sed 's/ ([0-9]*)$//')" <<'PY'
import sys
pages, none, gumbo, parse, audit = (int(x) for x in sys.argv[1:6])
per = lambda total: (total - none) / pages
print(f"pages: {pages} from {sys.argv[6]}; instructions per page (callgrind, loading subtracted):")
print(f"  gumbo/bare  {per(gumbo) / 1e6:8.2f} M")
print(f"  parse/page  {per(parse) / 1e6:8.2f} M")
print(f"  audit/page  {per(audit) / 1e6:8.2f} M   (parse + every detector)")
print(f"audit/page / gumbo/bare: {per(audit) / per(gumbo):.2f}")
PY
