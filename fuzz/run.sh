#!/bin/sh
# Usage: fuzz/run.sh TARGET [SECONDS]: fuzzes TARGET for SECONDS (900 by default), growing the
# working corpus fuzz/work/TARGET from the seeds in fuzz/corpus/TARGET; libFuzzer's log is
# fuzz/work/logs-TARGET/fuzz-0.log, crashes go to fuzz/artifacts/TARGET/; forbidden.dict holds the
# characters that must never be shown and the sequences terminals send. NO_BUILD=1 runs the
# binary already built (while src/ is being edited and does not compile).
set -eu
fuzz=$(cd "$(dirname "$0")" && pwd)
target=$1
seconds=${2:-900}
mkdir -p "$fuzz/work/$target" "$fuzz/work/logs-$target" "$fuzz/artifacts/$target"
cd "$fuzz/work/logs-$target"
corpora="$fuzz/work/$target $fuzz/corpus/$target"
flags="-max_total_time=$seconds -jobs=1 -timeout=10 -print_final_stats=1 -dict=$fuzz/forbidden.dict"
if [ "${NO_BUILD:-}" = 1 ]; then
    exec nice -n 10 "$fuzz/target/x86_64-unknown-linux-gnu/release/$target" \
        -artifact_prefix="$fuzz/artifacts/$target/" $flags $corpora
fi
exec nice -n 10 cargo +nightly fuzz run --fuzz-dir "$fuzz" -s none "$target" $corpora -- $flags
