#!/usr/bin/env bash
# Failures survived, measured from outside (docs/reliability.md). Not part of `dotnet test`.
# Everything runs on 127.0.0.1: the app under test, redis-server, aiosmtpd. Bounded: every scenario
# has a fixed length (all six took 23 minutes at load average 40 on 2 cores; --smtp-down 300 adds four).
#
#   tests/reliability/run.sh                      # every scenario, short defaults
#   tests/reliability/run.sh crash --crash-rounds 11
#   tests/reliability/run.sh smtp --smtp-down 300 # "several minutes" of mail outage
#   tests/reliability/run.sh load --load-seconds 60
#
# The disk scenario mounts a 2 MB filesystem over the attachments folder: it needs root (tmpfs, or a
# loop device as a fallback) and says so plainly when it cannot. Needs redis-server and python3-aiosmtpd
# (installed here when missing, as tests/test.sh does).
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v redis-server >/dev/null || need+=(redis-server)
python3 -c 'import aiosmtpd' 2>/dev/null || need+=(python3-aiosmtpd)
if ((${#need[@]})); then
  if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${need[@]}" >/dev/null; fi
fi

dotnet build tests/Dashboard.Reliability -c Release -nologo -v q
echo "machine: $(nproc) cores, $(uptime)"
exec timeout 3600 dotnet tests/Dashboard.Reliability/bin/Release/net10.0/Dashboard.Reliability.dll "$@"
