#!/usr/bin/env bash
# Set up paperkg in ./.venv (idempotent): the package, its test extras, and what the
# browser tests need (Debian's chromium, driven by Playwright through /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"
# Debian's chromium for the browser tests, and a CJK font so Chinese labels render in screenshots
if [ "${1:-}" = "--with-browser" ] && { [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-wqy-microhei >/dev/null 2>&1; }; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi
