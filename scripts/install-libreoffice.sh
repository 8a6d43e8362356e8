#!/usr/bin/env bash
# Installs Debian's LibreOffice Calc (no GUI) for the spreadsheet import test
# (tests/render/libreoffice-import.test.ts). Does something only when soffice is missing
# and this runs as root with apt-get; a failed install leaves the test to skip loudly.
set -uo pipefail

command -v soffice >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-libreoffice: soffice is missing and cannot be installed here; the spreadsheet import test will be skipped" >&2
  exit 0
fi
echo "install-libreoffice: installing libreoffice-calc-nogui for the spreadsheet import test" >&2
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if timeout 900 apt-get install -y -qq libreoffice-calc-nogui >"$log" 2>&1 || { timeout 300 apt-get update -qq >>"$log" 2>&1 && timeout 900 apt-get install -y -qq libreoffice-calc-nogui >>"$log" 2>&1; }; then
  rm -f "$log"
  exit 0
fi
echo "install-libreoffice: apt-get could not install LibreOffice; the spreadsheet import test will be skipped. Its output:" >&2
tail -n 20 "$log" >&2
rm -f "$log"
exit 0
