#!/usr/bin/env bash
# Builds the benchmark package in release mode: ordo-one's benchmarks, showroom-bench and the
# showroom binary (the root package, compiled as a dependency of Benchmarks/).
set -euo pipefail
cd "$(dirname "$0")/../../Benchmarks"
swift build -c release --product showroom-bench
swift build -c release --product showroom
swift build -c release --product ShowroomBenchmarks
