#!/usr/bin/env bash
# Grants each user of the compose stack what it needs on the events topic, and nothing more: the command side writes
# (and creates) it, the query side and downstream consumers read it, each in consumer groups of its own, and the query
# side writes its dead-letter topic and reads the command side's signed checkpoints. Runs as the brokers' own user,
# the only super user, once the brokers are up; adding an ACL that exists changes nothing, so it runs on every
# `docker compose up`.
set -euo pipefail

config=$(mktemp)
cat >"$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="${INFRASHARE_BROKER_PASSWORD}";
PROPERTIES

allow() {
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$config" --add \
    --allow-principal "User:$1" "${@:2}"
}

topic=infrashare.events
allow command-side --operation Write --operation Create --operation Describe --topic "$topic"
allow query-side --operation Read --topic "$topic"
allow query-side --operation Read --group infrashare-query-side --resource-pattern-type prefixed
allow query-side --operation Write --operation Create --operation Describe --topic "$topic.DLT"
allow consumer --operation Read --topic "$topic"
allow consumer --operation Read --group downstream- --resource-pattern-type prefixed
# the query side reads the signed checkpoints, in its group infrashare-query-side.checkpoints (allowed above)
allow query-side --operation Read --topic infrashare.checkpoints
rm -f "$config"
