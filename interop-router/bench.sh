#!/usr/bin/env bash
# Runs one of the router's benchmarks (test-scope main classes) with the module's test class path.
# The modules it needs are built from this checkout (-am), never taken from the local repository.
#   interop-router/bench.sh ThroughputBenchmark [stateless|stateful] [seconds per step] [rates]
#   interop-router/bench.sh FailoverBenchmark [rate] [seconds] [kill at]
#   interop-router/bench.sh CallBenchmark [seconds per step] [call rates] [pause in each call, ms] [router threads] [warm-up s]
#   interop-router/bench.sh TlsRouterBenchmark [messages per run] [window]
# BENCH_JAVA_OPTS replaces the JVM options (default: G1 with a small young generation, which keeps
# collection pauses short: the tail latency on a busy machine is mostly collection pauses).
set -euo pipefail
module="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$module/.."
mvn -q -pl interop-router -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")"
main="$1"
shift
exec java ${BENCH_JAVA_OPTS:--Xmx2g -XX:MaxGCPauseMillis=5 -Xmn96m} -Djava.net.preferIPv4Stack=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$cp" "org.interlay.router.bench.$main" "$@"
