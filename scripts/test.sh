#!/usr/bin/env bash
# Runs the whole test suite from a fresh checkout: installs what is missing, then `swift test`.
# Tests find the Python with pyarrow and PySpark through RETENTION_PYTHON.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-dependencies.sh
export RETENTION_PYTHON="${RETENTION_PYTHON:-${XDG_CACHE_HOME:-$HOME/.cache}/retention-workbench/venv/bin/python}"
if [[ -z "${JAVA_HOME-}" ]] && command -v java >/dev/null 2>&1; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  export JAVA_HOME
fi

swift build --build-tests
swift test --skip-build --disable-xctest "$@"
