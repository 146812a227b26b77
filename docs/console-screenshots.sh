#!/usr/bin/env bash
# Refreshes the console screenshots the README shows (docs/images/console-*.png): runs the HSQLDB
# browser tests, which write cli/target/console-screenshots/hsqldb-*.png, and copies those.
# Needs chromium and chromium-driver (Debian packages), as the tests do.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -pl cli -am verify -DskipITs -Dtest=HsqldbConsoleBrowserTest -Dsurefire.failIfNoSpecifiedTests=false
for page in overview destination; do
  install -m 644 "cli/target/console-screenshots/hsqldb-$page.png" "docs/images/console-$page.png"
done
echo "docs/images/console-overview.png and docs/images/console-destination.png refreshed"
