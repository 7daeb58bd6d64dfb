#!/usr/bin/env bash
# System packages the test suite uses: Debian's Chromium (Playwright drives it through
# executable_path; no browser download), the PostgreSQL client (pg_dump/pg_restore for
# backups), BIND's tools (named-checkzone validates the RPZ zones we publish) and a Java
# runtime (the miniSOC's Spark path runs in local mode).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pg_dump >/dev/null 2>&1 || need+=(postgresql-client)
command -v named-checkzone >/dev/null 2>&1 || need+=(bind9-utils)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)  # PySpark's local mode
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "need root to install: ${need[*]} (run: sudo apt-get install ${need[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}"
