#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image (from /autograder/source).
set -euo pipefail
cd /autograder/source
if ! command -v python3 >/dev/null || ! python3 -c 'import venv' 2>/dev/null; then
    apt-get update && apt-get install -y python3 python3-venv python3-pip
fi
python3 -m venv /autograder/venv
/autograder/venv/bin/pip install --upgrade pip
/autograder/venv/bin/pip install /autograder/source
/autograder/venv/bin/kerakit datasets
