#!/usr/bin/env bash
# Builds the benchmark package in release mode: ordo-one's benchmarks, showroom-bench and the
# showroom binary (the root package, compiled as a dependency of Benchmarks/).
set -euo pipefail
cd "$(dirname "$0")/../../Benchmarks"
# SwiftPM keeps the root package's file list in the build description of this dependent package;
# drop it so files added to the root package since the last build are compiled (re-planning is cheap).
rm -f .build/release.yaml .build/release/description.json
swift build -c release --product showroom-bench
swift build -c release --product showroom
swift build -c release --product ShowroomBenchmarks
