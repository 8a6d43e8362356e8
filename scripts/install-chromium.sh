#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test (tests/browser), which drives it with
# playwright-core; no browser is ever downloaded by Playwright itself. Does something only
# when /usr/bin/chromium is missing and this runs as root with apt-get; quiet otherwise.
# A failed install is reported and does not fail the caller: the browser test then skips
# itself with a loud warning.
set -uo pipefail

[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get); the browser test will be skipped" >&2
  exit 0
fi

echo "install-chromium: installing Debian's chromium for the browser test" >&2
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if apt-get update -qq >"$log" 2>&1 && apt-get install -y -qq chromium >>"$log" 2>&1 && [ -x /usr/bin/chromium ]; then
  rm -f "$log"
  exit 0
fi
echo "install-chromium: apt-get could not install chromium; the browser test will be skipped. Its output:" >&2
tail -n 20 "$log" >&2
rm -f "$log"
exit 0
