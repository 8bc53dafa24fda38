#!/usr/bin/env bash
# Starts a broker of docker-compose.yml. The image's own start (/etc/kafka/docker/run) writes server.properties from
# the KAFKA_* variables and formats a new volume, but cannot add SCRAM credentials, and KRaft takes the first ones
# only when the storage is formatted: the brokers need theirs to authenticate to each other before anyone could add
# them. So a new volume is formatted here first, from the same variables and with the users of INFRASHARE_SCRAM_USERS
# ("name:password ..."); the image's start then finds it formatted and goes on, as on every later start.
set -euo pipefail

if [[ ! -e "${KAFKA_LOG_DIRS}/meta.properties" ]]; then
  properties=$(mktemp)
  for name in $(compgen -e | grep '^KAFKA_'); do
    case "$name" in
      KAFKA_OPTS | KAFKA_HEAP_OPTS | KAFKA_JMX_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_LOG4J_OPTS | KAFKA_GC_LOG_OPTS | KAFKA_VERSION) continue ;;
    esac
    # the image's rule: without KAFKA_, ___ is -, __ is _, _ is ., in lower case
    key=$(sed -e 's/^KAFKA_//' -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g' <<<"$name" | tr '[:upper:]' '[:lower:]')
    printf '%s=%s\n' "$key" "${!name}" >>"$properties"
  done
  scram=()
  for user in $INFRASHARE_SCRAM_USERS; do
    scram+=(--add-scram "SCRAM-SHA-512=[name=${user%%:*},password=${user#*:}]")
  done
  /opt/kafka/bin/kafka-storage.sh format --cluster-id "$CLUSTER_ID" --config "$properties" "${scram[@]}"
  rm -f "$properties"
fi

# the health check's client, as the brokers' own user
umask 077
cat >/tmp/broker-client.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="${INFRASHARE_BROKER_PASSWORD}";
PROPERTIES

exec /etc/kafka/docker/run
