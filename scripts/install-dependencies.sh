#!/usr/bin/env bash
# Installs what the workbench needs on a fresh Debian machine, skipping whatever is already there:
# the C libraries behind the shims, Java 17 for the Spark reference jobs, and a Python virtual
# environment with pyarrow and PySpark kept outside the checkout so later runs reuse it.
#
# Usage: scripts/install-dependencies.sh [--no-python]
set -euo pipefail

debian_packages=(libgsl-dev librdkafka-dev zlib1g-dev libzstd-dev libsnappy-dev liblz4-dev pkg-config)
with_python=1
[[ "${1-}" == "--no-python" ]] && with_python=0
if [[ "$with_python" == 1 ]]; then
  debian_packages+=(openjdk-17-jre-headless python3-venv)
fi

missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Java may come from another package than Debian's; any Java 17 or newer on PATH will do.
if [[ "$with_python" == 1 ]] && command -v java >/dev/null 2>&1; then
  missing=("${missing[@]/openjdk-17-jre-headless}")
fi
# python3-venv is only needed where the interpreter cannot create environments already.
if python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  missing=("${missing[@]/python3-venv}")
fi
read -r -a missing <<<"${missing[*]}"
if [[ "${#missing[@]}" -gt 0 ]]; then
  echo "Installing Debian packages: ${missing[*]}" >&2
  sudo_prefix=()
  [[ "$(id -u)" == 0 ]] || sudo_prefix=(sudo)
  "${sudo_prefix[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_prefix[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ "$with_python" == 1 ]]; then
  venv="${XDG_CACHE_HOME:-$HOME/.cache}/retention-workbench/venv"
  if ! "$venv/bin/python" -c 'import pyarrow, pyspark' >/dev/null 2>&1; then
    echo "Creating the Python environment for the interoperability tests in $venv" >&2
    mkdir -p "$(dirname "$venv")"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check 'pyarrow==26.0.1' 'pyspark==4.3.0'
  fi
fi
