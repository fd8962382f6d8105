#!/bin/sh
# Usage: fuzz/run.sh TARGET [SECONDS]: fuzzes TARGET for SECONDS (900 by default), growing the
# working corpus fuzz/work/TARGET from the seeds in fuzz/corpus/TARGET; libFuzzer's log is
# fuzz/work/logs-TARGET/fuzz-0.log, crashes go to fuzz/artifacts/TARGET/.
set -eu
fuzz=$(cd "$(dirname "$0")" && pwd)
target=$1
seconds=${2:-900}
mkdir -p "$fuzz/work/$target" "$fuzz/work/logs-$target"
cd "$fuzz/work/logs-$target"
exec nice -n 10 cargo +nightly fuzz run --fuzz-dir "$fuzz" -s none "$target" \
    "$fuzz/work/$target" "$fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -jobs=1 -timeout=10 -print_final_stats=1
