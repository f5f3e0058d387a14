#!/usr/bin/env bash
# From a fresh clone to an installed Customer Room Desktop in ./.venv (tests included).
# Installs the Debian packages listed in packaging/debian-packages.txt when apt-get is there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=$(grep -v '^#' packaging/debian-packages.txt | tr '\n' ' ')
if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    apt_retry() {  # the dpkg lock may be held by an unattended upgrade for a while
        for attempt in $(seq 1 30); do
            if $sudo env DEBIAN_FRONTEND=noninteractive "$@"; then return 0; fi
            echo "apt busy or failed (attempt $attempt); retrying in 10 s" >&2
            sleep 10
        done
        return 1
    }
    apt_retry apt-get update -qq
    # shellcheck disable=SC2086
    apt_retry apt-get install -y -qq --no-install-recommends $packages
else
    echo "No apt-get here: install the equivalents of packaging/debian-packages.txt yourself." >&2
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q '.[test]'
echo "Installed. Start the demo room with: .venv/bin/customer-room demo"
