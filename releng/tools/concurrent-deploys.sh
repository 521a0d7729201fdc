#!/usr/bin/env bash
# Two deploys of one site started 0-2 s apart, for N rounds (default 30), against the site's
# virtual devices on loopback (issue #11). Each round deploys the next variant of the manual's
# design (the beacon's time alternates between 30 and 31 s), so both runs always find work.
# After both end, a plan says whether the devices hold the design: a run that exited 0 while the
# plan finds changes left would have reported success for a device it did not leave deployed.
#
#   releng/tools/concurrent-deploys.sh [ROUNDS]      (PALISADE=path/to/palisade to pick the build)
# Prints one line per round, the second run's message, and the count; exit 0 when that count is 0.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
palisade=${PALISADE:-"$root/palisade"}
rounds=${1:-30}
work=$(mktemp -d "${TMPDIR:-/tmp}/palisade-concurrent.XXXXXX")
sim=
cleanup() {
	if [ -n "$sim" ]; then kill "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/site"
design="$work/site/harbour-depot.perimeter"
original="$root/examples/harbour-depot/harbour-depot.perimeter"
cp "$original" "$design"
map="$work/map.json"
# Some latency per request, so that a deploy lasts long enough for the two runs to overlap.
"$palisade" simulate "$design" --map "$map" --fault latency=40 >"$work/simulate.log" 2>&1 &
sim=$!
for _ in $(seq 1 600); do [ -f "$map" ] && break; sleep 0.1; done
[ -f "$map" ] || { echo "simulate did not start:"; cat "$work/simulate.log"; exit 2; }

false_success=0; refused=0; both_ok=0; sample=
printf '%-5s %-7s %-6s %-6s %-6s %s\n' round delay-s exit-A exit-B plan "second run (B) on stderr"
for i in $(seq 1 "$rounds"); do
	sed "s/for 30 s/for $((30 + i % 2)) s/" "$original" >"$design"
	delay=$(awk -v r="$RANDOM" 'BEGIN { printf "%.2f", r / 32767 * 2 }')
	"$palisade" deploy "$design" --map "$map" >"$work/a.out" 2>"$work/a.err" & a=$!
	sleep "$delay"
	"$palisade" deploy "$design" --map "$map" >"$work/b.out" 2>"$work/b.err" & b=$!
	ea=0; wait "$a" || ea=$?
	eb=0; wait "$b" || eb=$?
	ep=0; "$palisade" plan "$design" --map "$map" --detailed-exitcode >"$work/p.out" 2>"$work/p.err" || ep=$?
	if [ "$ep" -ne 0 ] && { [ "$ea" -eq 0 ] || [ "$eb" -eq 0 ]; }; then false_success=$((false_success + 1)); fi
	if grep -q "the site is locked by" "$work/a.err" "$work/b.err"; then refused=$((refused + 1)); fi
	if [ "$ea" -eq 0 ] && [ "$eb" -eq 0 ]; then both_ok=$((both_ok + 1)); fi
	msg=$(grep -m1 -E "locked by|took over|INTERRUPTED|FAILED" "$work/b.err" || grep -m1 -E "^(Deployed|[0-9]+ device)" "$work/b.out" || true)
	[ -z "$sample" ] && grep -q "locked by" "$work/b.err" && sample=$(cat "$work/b.err")
	printf '%-5s %-7s %-6s %-6s %-6s %s\n' "$i" "$delay" "$ea" "$eb" "$ep" "${msg//$work/\$TMP}"
done
echo
echo "second run's message when refused: ${sample//$work/\$TMP}"
echo "rounds: $rounds; one run refused by the lock: $refused; both exited 0 (one after the other): $both_ok"
echo "runs reporting success while the devices do not hold the design: $false_success"
[ "$false_success" -eq 0 ]
