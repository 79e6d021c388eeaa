#!/usr/bin/env bash
# How fast `hallcount verify` checks a town's files (issue 12): N signed village results (default
# 400; 24 papers each, one key, each village its own place), timed side by side with Python merely
# parsing the same files. Usage: scripts/verify_speed.sh [N]
# Uses target/release/hallcount, built first (`cargo build --release -p hallcount-cli`).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400}
cargo build --quiet --release --package hallcount-cli
bin=${CARGO_TARGET_DIR:-target}/release/hallcount
case=crates/hallcount-core/tests/cases/spec_collected_24_of_25_valid
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" keygen -o "$work/key.json" --label speed >/dev/null
for i in $(seq -w 1 "$n"); do
    sed "s/\"place\": *\"[^\"]*\"/\"place\": \"village $i\"/" "$case/election.json" >"$work/election.json"
    "$bin" sign "$work/election.json" "$case/ballots.json" --key "$work/key.json" \
        -o "$work/result-$i.json" --at 2026-01-01T00:00:00Z >/dev/null
done
echo "$n files, $(du -sh --exclude=key.json --exclude=election.json "$work" | cut -f1)"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk "BEGIN { printf \"%.2f\", $end - $start }"; }
verify=$(seconds "$bin" verify "$work"/result-*.json)
echo "hallcount verify: ${verify} s"
if command -v python3 >/dev/null; then
    parse=$(seconds python3 -c 'import json, sys
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f: json.load(f)' "$work"/result-*.json)
    echo "python3 json.load: ${parse} s (ratio $(awk "BEGIN { printf \"%.1f\", $verify / $parse }"))"
fi
