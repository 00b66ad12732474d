#!/usr/bin/env bash
# Runs one of the router's benchmarks (test-scope main classes) with the module's test class path.
#   interop-router/bench.sh ThroughputBenchmark [stateless|stateful] [seconds per step] [rates]
#   interop-router/bench.sh FailoverBenchmark
set -euo pipefail
module="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$module/.."
mvn -q -o -pl interop-router test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")"
main="$1"
shift
exec java -Xmx2g -Djava.net.preferIPv4Stack=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$cp" "org.interlay.router.bench.$main" "$@"
