#!/usr/bin/env bash
# Installs what is missing, builds the release binary and runs the main experiment,
# writing results/seed-rules/ (summary.csv, replications.csv, config.json, report.html).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-dependencies.sh --no-python
swift build -c release --product retention
.build/release/retention experiment run experiments/seed-rules.json "$@"
