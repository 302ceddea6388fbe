#!/usr/bin/env bash
# Reruns every benchmark of docs/benchmarks.md: the load tool's full run (embedded, Redis, and Alertmanager
# side by side) and the BenchmarkDotNet micro-benchmarks. Reports land in benchmarks/results/.
#   benchmarks/run-all.sh              everything (about 30 minutes on 2 cores)
#   benchmarks/run-all.sh --load-only  the load tool only (about 12 minutes)
# Any other arguments go to the load tool (see docs/benchmarks.md), e.g. --modes embedded.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

micro=true
load_args=()
for arg in "$@"; do
  if [ "$arg" = "--load-only" ]; then micro=false; else load_args+=("$arg"); fi
done

# What the run needs, from Debian, as .ci/run installs it.
missing=()
for program in redis-server:redis-server prometheus-alertmanager:prometheus-alertmanager wrk:wrk; do
  command -v "${program%%:*}" >/dev/null 2>&1 || missing+=("${program##*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]} with apt-get"
  if [ "$(id -u)" -eq 0 ]; then apt-get update && apt-get install -y "${missing[@]}"; else sudo apt-get update && sudo apt-get install -y "${missing[@]}"; fi
fi

echo "building in Release"
dotnet build -c Release UptimeCoordinator.sln -v quiet -nologo

echo "load tool: full run"
dotnet run -c Release --no-build --project benchmarks/UptimeCoordinator.LoadTest -- "${load_args[@]}"

if [ "$micro" = true ]; then
  echo "micro-benchmarks (BenchmarkDotNet, short job)"
  (cd benchmarks/UptimeCoordinator.Benchmarks && dotnet run -c Release --no-build -- --filter '*' --job short --artifacts ../results/micro)
fi

echo "done: benchmarks/results/latest.md (load tool) and benchmarks/results/micro/results/ (micro-benchmarks)"
