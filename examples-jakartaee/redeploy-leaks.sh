#!/usr/bin/env bash
# Issue 13 item 6, "no leaks across redeploys": deploys and undeploys the JournalMQ .rar ROUNDS times
# in a GlassFish 7.0.21 of its own (own ports, loopback only), with the adapter's JMX on and its
# journal opened each round (a connector pool on the adapter, pinged: a managed connection opens the
# journal, its MBeans and threads). After each undeploy it forces a GC and prints the server JVM's
# live thread count, its journalmq-* threads, and how many copies of JournalResourceAdapter (one per
# adapter class loader) are still loaded. After the last round it dumps the heap and asks
# leak-holders/AdapterLoaderHolders.java what holds each adapter class loader still loaded.
#
# GlassFish 7.0.21 itself keeps every undeployed adapter's class loader, through holders of its own
# (HK2's reflection cache, its deployment event listeners, its ResourceValidator's last application, its
# pool threads' context class loader; see AdapterLoaderHolders and docs/benchmarks.md), so the loaded
# copies grow by one per round whatever the adapter does. The script judges what the adapter answers
# for: it fails (exit 1) when, after the settling rounds, the thread count grew beyond the margin, a
# journalmq-* thread outlived an undeploy, or anything other than GlassFish's own holders keeps an
# adapter class loader.
#
#   examples-jakartaee/redeploy-leaks.sh <glassfish-7.0.21.zip> <journalmq-ra.rar> [rounds] [portbase]
#
# POOL=0 leaves out the connection pool: the adapter is only deployed, started, stopped and undeployed.
#
# Build the .rar with: mvn -q -pl resource-adapter -am package -DskipTests
# The zip: mvn -q dependency:copy -Dartifact=org.glassfish.main.distributions:glassfish:7.0.21:zip -DoutputDirectory=DIR
# The heap analysis reads the dump with Apache NetBeans' profiler library, fetched here with Maven.
set -euo pipefail

ZIP=${1:?glassfish zip}
RAR=$(readlink -f "${2:?journalmq .rar}")
ROUNDS=${3:-20}
BASE=${4:-32000}
POOL=${POOL:-1}
SETTLE=5            # rounds before the reference figures are taken (lazy server services start then)
THREAD_MARGIN=8     # GlassFish starts 4 cached-pool threads per deployment, idle for 60 s before they end
HOLDERS=$(readlink -f "$(dirname "$0")/leak-holders/AdapterLoaderHolders.java")
HEAP_LIB=org.netbeans.modules:org-netbeans-lib-profiler:RELEASE220

WORK=$(mktemp -d /tmp/journalmq-redeploy.XXXXXX)
trap 'if [ -n "${GF:-}" ]; then "$GF/bin/asadmin" stop-domain domain1 >/dev/null 2>&1 || true; rm -rf "$WORK"; fi' EXIT
unzip -q "$ZIP" -d "$WORK"
GF=$WORK/glassfish7
ASADMIN_BIN=$GF/bin/asadmin
ADMIN=$((BASE + 48))
ASADMIN="$WORK/asadmin"
printf '#!/bin/sh\nexec %s --host 127.0.0.1 --port %s "$@"\n' "$ASADMIN_BIN" "$ADMIN" > "$ASADMIN"
chmod +x "$ASADMIN"

# Own ports (CI runs a GlassFish on the default ones), loopback only, no embedded OpenMQ.
DX=$GF/glassfish/domains/domain1/config/domain.xml
for p in 4848:48 8080:80 8181:81 3700:37 3820:38 3920:39 8686:86 7676:76 9009:9; do
  sed -i "s/\"${p%%:*}\"/\"$((BASE + ${p##*:}))\"/g" "$DX"
done
sed -i 's/address="0.0.0.0"/address="127.0.0.1"/g; s/<network-listener port=/<network-listener address="127.0.0.1" port=/g' "$DX"
# server-config has no jms-service (so an embedded broker on 0.0.0.0): a remote one, never contacted.
sed -i "0,/<connector-service\/>/s##<connector-service/><jms-service type=\"REMOTE\" default-jms-host=\"default_JMS_host\"><jms-host name=\"default_JMS_host\" host=\"127.0.0.1\" port=\"$((BASE + 76))\" lazy-init=\"true\"/></jms-service>#" "$DX"
sed -i "s#<resources>#<resources><resource-adapter-config resource-adapter-name=\"journalmq-ra\"><property name=\"url\" value=\"jdbc:hsqldb:file:$WORK/journal\"/><property name=\"jmx\" value=\"true\"/></resource-adapter-config>#" "$DX"

# A loaded machine may take longer than asadmin's 60 s wait: then poll until the DAS answers.
"$GF/bin/asadmin" start-domain domain1 >/dev/null 2>&1 || true
for _ in $(seq 1 120); do "$ASADMIN" uptime >/dev/null 2>&1 && break; sleep 2; done
"$ASADMIN" uptime >/dev/null
PID=$(jcmd -l | awk -v w="$WORK" 'index($0, w) && /glassfish\.bootstrap/ {print $1}' | head -1)
[ -n "$PID" ] || { echo "GlassFish JVM not found"; jcmd -l; exit 2; }

figures() {
  jcmd "$PID" GC.run >/dev/null
  jcmd "$PID" GC.run >/dev/null
  local dump copies
  dump=$(jcmd "$PID" Thread.print)
  copies=$(jcmd "$PID" VM.classloaders show-classes=true | grep -c 'org\.journalmq\.ra\.JournalResourceAdapter$' || true)
  echo "$(grep -c '^"' <<<"$dump") $(grep -c '^"journalmq-' <<<"$dump" || true) $copies"
}

read -r T0 J0 C0 < <(figures)
echo "before any deploy: threads=$T0 journalmq-threads=$J0 adapter-class-copies=$C0"
printf '%5s %8s %18s %20s %26s\n' round threads journalmq-threads adapter-class-copies "journalmq-threads-deployed"
REF_T=""; REF_C=""; FAIL=0
for i in $(seq 1 "$ROUNDS"); do
  "$ASADMIN" deploy --name journalmq-ra "$RAR" >/dev/null
  if [ "$POOL" = 1 ]; then
    "$ASADMIN" create-connector-connection-pool --raname journalmq-ra --connectiondefinition jakarta.jms.ConnectionFactory \
        --transactionsupport XATransaction --steadypoolsize 1 leakpool >/dev/null
    "$ASADMIN" ping-connection-pool leakpool >/dev/null
  fi
  LIVE=$(jcmd "$PID" Thread.print | grep -c '^"journalmq-' || true)
  if [ "$POOL" = 1 ]; then
    "$ASADMIN" delete-connector-connection-pool --cascade=true leakpool >/dev/null
  fi
  "$ASADMIN" undeploy journalmq-ra >/dev/null
  read -r T J C < <(figures)
  printf '%5d %8d %18d %20d %26d\n' "$i" "$T" "$J" "$C" "$LIVE"
  if [ "$i" -eq "$SETTLE" ]; then REF_T=$T; REF_C=$C; fi
  if [ -n "$REF_T" ] && [ "$i" -gt "$SETTLE" ]; then
    if [ "$T" -gt $((REF_T + THREAD_MARGIN)) ] || [ "$J" -gt 0 ]; then FAIL=1; fi
  fi
done
if [ -z "$REF_T" ]; then
  echo "only $ROUNDS rounds: at least $((SETTLE + 1)) are needed to judge growth"
  exit 2
fi
echo "reference after round $SETTLE: threads=$REF_T (margin $THREAD_MARGIN)"
echo "last round: threads=$T journalmq-threads=$J adapter-class-copies=$C"

mvn -q -B -ntp dependency:copy -Dartifact="$HEAP_LIB" -DoutputDirectory="$WORK/lib" >/dev/null
jcmd "$PID" GC.heap_dump "$WORK/heap.hprof" >/dev/null
HELD=0
java -Xmx2g -cp "$WORK/lib/*" "$HOLDERS" "$WORK/heap.hprof" || HELD=$?
if [ "$FAIL" -ne 0 ] || [ "$HELD" -ne 0 ]; then
  echo "FAIL: threads grew across redeploys, a journalmq-* thread outlived an undeploy, or $HELD adapter class loaders are held by something other than GlassFish's own holders"
  exit 1
fi
echo "PASS: $ROUNDS redeploys, threads flat, no journalmq-* thread left, every adapter class loader still loaded ($C) is held by GlassFish 7.0.21's own holders only"
