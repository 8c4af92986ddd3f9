#!/usr/bin/env bash
# npm run test:engines [-- part...]: what the stacks emit, checked by the engines it configures.
# Parts: spark kafka flink aws sql (default: all). Installs what it needs into .cache/engines/ (kept
# between runs, keyed by version), starts every engine itself on 127.0.0.1 and stops it at the end,
# also when a check fails. See test/engines/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ENGINES=$ROOT/test/engines
# shellcheck source=versions.sh
source "$ENGINES/versions.sh"

CACHE=${SPECTRUM_ENGINE_CACHE:-$ROOT/.cache/engines}
RUN=${SPECTRUM_ENGINE_RUN:-$CACHE/run}
rm -rf "$RUN"
mkdir -p "$RUN" "$CACHE"

PARTS=("$@")
[ ${#PARTS[@]} -eq 0 ] && PARTS=(flink aws sql kafka spark)
for part in "${PARTS[@]}"; do
    case "$part" in spark | kafka | flink | aws | sql) ;; *) echo "unknown part $part (spark kafka flink aws sql)" >&2 && exit 2 ;; esac
done

# Processes this run started; all of them are stopped on exit, whatever the outcome. The Python checks
# write the ids of the servers and jobs they start into $ENGINE_PIDS, in case they die before stopping them.
STARTED=()
export ENGINE_PIDS=$RUN/pids
mkdir -p "$ENGINE_PIDS"
stop_started() {
    for pid in "${STARTED[@]+"${STARTED[@]}"}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${STARTED[@]+"${STARTED[@]}"}"; do
        wait "$pid" 2>/dev/null || true
    done
    for file in "$ENGINE_PIDS"/*.pid; do
        [ -f "$file" ] && { kill "$(cat "$file")" 2>/dev/null || true; }
        rm -f "$file"
    done
}
trap stop_started EXIT
trap 'exit 130' INT TERM

step() { printf '\n==> %s\n' "$*"; }
SUMMARY=()
FAILED=0
# record <part> <started at> <exit code> <what>
record() {
    local status=passed
    [ "$3" -ne 0 ] && status=FAILED && FAILED=$((FAILED + 1))
    SUMMARY+=("$(printf '%-6s %-7s %4ss  %s' "$1" "$status" "$(($(date +%s) - $2))" "$4")")
}
# totals <log>: the checks' own counts added up ("N passed, M failed" lines of the checkers, pytest's last line).
totals() {
    grep -E '^(flink [0-9.]+|kafka|sql \(Trino parser\)): .*[0-9]+ passed|^[0-9]+ (passed|failed).* in [0-9.]+s' "$1" |
        awk '{ for (i = 1; i < NF; i++) { if ($(i + 1) ~ /^passed/) p += $i; if ($(i + 1) ~ /^failed/) f += $i } }
             END { printf "%d checks passed, %d failed", p, f }'
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- installs (cached) -------------------------------------------------------------------------

MAVEN=(mvn -q -B -Dmaven.repo.local="$CACHE/m2" -f "$ENGINES/jvm/pom.xml")

# classpath <cache key> <profile> [-Dproperty=value...]: the profile's jars, resolved once into the cache.
classpath() {
    local file=$CACHE/classpath/$1.txt
    if [ ! -s "$file" ] || ! tr ':' '\n' <"$file" | xargs -r ls >/dev/null 2>&1; then
        mkdir -p "$CACHE/classpath"
        "${MAVEN[@]}" -P "$2" "${@:3}" dependency:build-classpath -Dmdep.outputFile="$file.tmp" >"$RUN/mvn-$1.log" 2>&1 ||
            { cat "$RUN/mvn-$1.log" >&2 && return 1; }
        mv "$file.tmp" "$file"
    fi
    cat "$file"
}

# compile <name> <classpath> <java>: javac into the run folder (a second at most per checker).
compile() {
    mkdir -p "$RUN/classes/$1"
    "${JAVAC:-javac}" -nowarn -d "$RUN/classes/$1" -cp "$2" "${@:3}"
    echo "$RUN/classes/$1"
}

PYTHON_ENV=$CACHE/python-spark$PYSPARK_VERSION-moto$MOTO_VERSION-botocore$BOTOCORE_VERSION-pyarrow$PYARROW_VERSION-pytest$PYTEST_VERSION
python_env() {
    if [ ! -f "$PYTHON_ENV/.complete" ]; then
        step "install Python packages into $(basename "$PYTHON_ENV")"
        rm -rf "$PYTHON_ENV"
        python3 -m venv "$PYTHON_ENV"
        "$PYTHON_ENV/bin/pip" install -q --disable-pip-version-check \
            "pyspark==$PYSPARK_VERSION" "moto[server]==$MOTO_VERSION" "botocore==$BOTOCORE_VERSION" "boto3==$BOTO3_VERSION" \
            "pyarrow==$PYARROW_VERSION" "pytest==$PYTEST_VERSION"
        touch "$PYTHON_ENV/.complete"
    fi
}

# A JDK new enough for the Trino parser (Trino needs a current Java; Java 17 stays the default for the rest).
trino_java_home() {
    for home in ${TRINO_JAVA_HOME:-} /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/temurin-2[4-9]-jdk-* /usr/lib/jvm/java-2[4-9]-openjdk-*; do
        [ -x "$home/bin/java" ] && echo "$home" && return 0
    done
    echo "no JDK 24+ for the Trino parser under /usr/lib/jvm (set TRINO_JAVA_HOME)" >&2
    return 1
}

# --- what to check: the plans --------------------------------------------------------------------

step "plan every stack, example and variant"
NODE_TS=(node --stack-trace-limit=0 -r "$ENGINES/register-ts.js")
# shellcheck disable=SC2086 # FLINK_VERSIONS is a list
"${NODE_TS[@]}" "$ENGINES/plans/pins.ts" "$PYSPARK_VERSION" "$KAFKA_VERSION" "$FLINK_OPERATOR_VERSION" $FLINK_VERSIONS
"${NODE_TS[@]}" "$ENGINES/plans/export.ts" "$RUN/plans" $FLINK_VERSIONS
"${NODE_TS[@]}" "$ENGINES/plans/inputs.ts" "$RUN/plans" "$RUN/inputs"

# --- parts ---------------------------------------------------------------------------------------

part_flink() {
    local catalog=$ENGINES/flink/operator-options-$FLINK_OPERATOR_VERSION.tsv status=0
    local version core kubernetes prometheus s3 cp classes
    while read -r version core kubernetes prometheus s3; do
        [ -n "$version" ] || continue
        cp=$(classpath "flink-$core-k8s$kubernetes-prom$prometheus-s3$s3" flink -Dflink.version="$core" \
            -Dflink-kubernetes.version="$kubernetes" -Dflink-prometheus.version="$prometheus" -Dflink-s3.version="$s3")
        classes=$(compile "flink-$version" "$cp" "$ENGINES/flink/FlinkConfigCheck.java")
        local configs=("$RUN/inputs/flink/$version"/*.properties)
        [ -e "${configs[0]}" ] || { echo "no emitted configuration for Flink $version" && status=1 && continue; }
        java -cp "$cp:$classes" FlinkConfigCheck "$version" --operator-options "$catalog" "${configs[@]}" 2>/dev/null || status=1
        # Controls: the keys renamed in 1.20 in their other spelling. Versions before 1.20 lack the new
        # names and must refuse them; 1.20 and (per their jars) 2.0-2.2 still read the old names as deprecated keys.
        if [[ "$version" == 1.1[89].* ]]; then
            java -cp "$cp:$classes" FlinkConfigCheck "$version" --operator-options "$catalog" --must-reject \
                "$RUN/inputs/flink-controls/$version"/*.properties 2>/dev/null || status=1
        fi
    done <<<"$FLINK_JARS"
    return $status
}

KAFKA_CP() { classpath "kafka-$KAFKA_VERSION-iam$MSK_IAM_AUTH_VERSION" kafka -Dkafka.version="$KAFKA_VERSION" -Dmsk-iam-auth.version="$MSK_IAM_AUTH_VERSION"; }

# start_broker <dir> <classpath>: one KRaft node (broker and controller) on 127.0.0.1, with the MSK stacks'
# server properties where a single node allows them (test/engines/kafka/single-node.properties says
# what changes). Sets BOOTSTRAP; the broker is stopped with everything else this run started.
start_broker() {
    local dir=$1 cp=$2 port controller
    mkdir -p "$dir/remote"
    port=$(free_port)
    controller=$(free_port)
    {
        cat "$RUN/inputs/kafka/broker/"*.properties | sort -u
        cat "$ENGINES/kafka/single-node.properties"
        echo "listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller"
        echo "advertised.listeners=PLAINTEXT://127.0.0.1:$port"
        echo "controller.quorum.voters=1@127.0.0.1:$controller"
        echo "log.dirs=$dir/log"
        echo "rsm.config.dir=$dir/remote"
    } >"$dir/server.properties"
    local java=(java -Xmx768m -Dlog4j.configuration="file:$ENGINES/kafka/log4j.properties" -Dkafka.logs.dir="$dir" -cp "$cp")
    "${java[@]}" kafka.tools.StorageTool format -t "$(python3 -c 'import base64, uuid; print(base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("="))')" \
        -c "$dir/server.properties" >"$dir/format.log" 2>&1 || { cat "$dir/format.log" && return 1; }
    "${java[@]}" kafka.Kafka "$dir/server.properties" >"$dir/broker.out" 2>&1 &
    STARTED+=($!)
    BOOTSTRAP=127.0.0.1:$port
    echo "broker (Kafka $KAFKA_VERSION, KRaft) on $BOOTSTRAP, pid $!"
}

part_kafka() {
    local cp classes
    cp=$(KAFKA_CP)
    classes=$(compile kafka "$cp" "$ENGINES/kafka/KafkaCheck.java")
    start_broker "$RUN/kafka" "$cp"
    java -Dlog4j.configuration="file:$ENGINES/kafka/log4j-check.properties" -Dkafkacheck.log="$RUN/kafka/check.log" \
        -cp "$cp:$classes" KafkaCheck "$BOOTSTRAP" "$RUN/inputs/kafka" "$RUN/kafka"
}

part_aws() {
    python_env
    "$PYTHON_ENV/bin/python" -m pytest -q -p no:cacheprovider "$ENGINES/aws" --plans "$RUN/plans"
}

part_sql() {
    local home cp classes
    home=$(trino_java_home)
    cp=$(classpath "trino-$TRINO_VERSION" trino -Dtrino.version="$TRINO_VERSION")
    classes=$(JAVAC="$home/bin/javac" compile sql "$cp" "$ENGINES/sql/SqlCheck.java")
    "$home/bin/java" -cp "$cp:$classes" SqlCheck "$RUN/inputs/sql"
}

part_spark() {
    local jars kafka_cp classes
    python_env
    jars=$(classpath "spark-s3-hadoop$HADOOP_AWS_VERSION" spark-s3 -Dhadoop-aws.version="$HADOOP_AWS_VERSION" -Daws-sdk-bundle.version="$AWS_SDK_BUNDLE_VERSION")
    # The speed job reads Kafka: a broker of its own, and a producer for its test records.
    kafka_cp=$(KAFKA_CP)
    classes=$(compile kafka-produce "$kafka_cp" "$ENGINES/kafka/Produce.java")
    start_broker "$RUN/spark-kafka" "$kafka_cp"
    SPARK_S3_JARS=${jars//:/,} SPARK_IVY_DIR="$CACHE/ivy" KAFKA_PRODUCE_CP="$kafka_cp:$classes" SPARK_KAFKA_CONNECTOR_VERSION="$SPARK_KAFKA_CONNECTOR_VERSION" \
        "$PYTHON_ENV/bin/python" -m pytest -q -p no:cacheprovider "$ENGINES/spark" --plans "$RUN/plans" --work "$RUN/spark" --bootstrap "$BOOTSTRAP"
}

for part in "${PARTS[@]}"; do
    step "$part"
    started=$(date +%s)
    code=0
    # Process substitution, not a pipe: the part runs in this shell, so the processes it starts are known here.
    "part_$part" > >(tee "$RUN/$part.log") 2>&1 || code=$?
    sleep 0.2
    record "$part" "$started" "$code" "$(totals "$RUN/$part.log")"
    stop_started
    STARTED=()
done

step "summary"
printf '%s\n' "${SUMMARY[@]}"
[ "$FAILED" -eq 0 ] && echo "engines: ${#PARTS[@]} passed, 0 failed" || echo "engines: $((${#PARTS[@]} - FAILED)) passed, $FAILED failed"
exit $((FAILED > 0))
