#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need when it is missing:
# Debian's Chromium for the Playwright tests; redis-server and python3-aiosmtpd for the live-update
# and email tests; dovecot-imapd for the inbound mail (IMAP) tests. Usage: tests/test.sh [extra dotnet test args]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium (Debian package) for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Live updates (issue 6): a real Redis between two app instances, a real SMTP server for the outbox.
if ! [ -x /usr/bin/redis-server ] || ! /usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1; then
  echo "Installing redis-server and python3-aiosmtpd (Debian packages) for the live and email tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server python3-aiosmtpd >/dev/null
fi

# Replies by email (issue 10): a real IMAP server (dovecot), started by the tests on a free port.
if ! [ -x /usr/sbin/dovecot ]; then
  echo "Installing dovecot-imapd (Debian package) for the inbound mail tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq dovecot-imapd >/dev/null
  # The package starts a system-wide dovecot on ports 143/993; the tests run their own.
  $SUDO systemctl disable --now dovecot >/dev/null 2>&1 || $SUDO service dovecot stop >/dev/null 2>&1 || true
fi

log=$(mktemp)
set +e
dotnet test --solution Dashboard.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line in the plain form: "N passed, N failed".
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
# Repeat each failed test's name and first lines of its error at the end, where a CI log's tail shows them
# (the test run interleaves the app's console output with the results).
if grep -qE '^\s*failed [A-Za-z_]' "$log"; then
  echo "Failed tests (name and the start of each error):"
  grep -A 12 -E '^\s*failed [A-Za-z_]' "$log" | grep -vE '^\s*(info|warn|dbug):' | head -120
fi
rm -f "$log"
[ -d TestResults/e2e/screenshots ] && echo "Browser test screenshots: $(pwd)/TestResults/e2e/screenshots (timings.txt, app.log and failure traces in TestResults/e2e)"
echo "Tests: ${passed} passed, ${failed} failed"
exit "$status"
