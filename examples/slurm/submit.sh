#!/usr/bin/env bash
# Audits a list of shops on a Slurm cluster: an array of SHARDS tasks (at most PARALLEL at
# once) and a merge job that runs when they are done.
#
#   examples/slurm/submit.sh shops.csv out/ [SHARDS=64] [PARALLEL=16]
#
# Extra `amable batch` flags go in AMABLE_BATCH_ARGS (e.g. "--column domain --keep rank").
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export SHOPS=$(realpath "${1:?the list of shops}")
export OUT=$(mkdir -p "${2:?the output folder}" && realpath "$2")
export SHARDS=${3:-64}
parallel=${4:-16}
mkdir -p "$OUT/logs"
array=$(sbatch --parsable --export=ALL --array="0-$((SHARDS - 1))%$parallel" --output="$OUT/logs/%x-%A_%a.out" "$here/amable-array.sbatch")
merge=$(sbatch --parsable --export=ALL --dependency="afterany:$array" --output="$OUT/logs/%x-%j.out" "$here/merge.sbatch")
echo "array job $array ($SHARDS shards), merge job $merge: results in $OUT/all.jsonl and $OUT/summary.html"
