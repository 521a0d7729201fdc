#!/usr/bin/env bash
# Builds every module and runs every test, the UI ones under a virtual X display.
# Extra arguments go to Maven (e.g. -o for offline, -pl to pick modules).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/releng/setup.sh"
cd "$root"
# The build and the tests run on Java 17 even where another JDK is the default.
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
	export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
exec xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B verify "$@"
