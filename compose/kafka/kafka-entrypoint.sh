#!/bin/bash
# Kafka's start in this deployment: the broker's SCRAM login (JAAS), an admin client file for the health check and
# the ACL set-up, and — on the first start only — the log directory formatted with one SCRAM user per platform role
# (KRaft keeps credentials in its metadata, so they are bootstrapped by `kafka-storage.sh format --add-scram`).
# Then the image's own start, which finds the directory formatted and keeps it.
set -euo pipefail
for v in SCRAM_ADMIN_PASSWORD SCRAM_INGEST_PASSWORD SCRAM_PROCESSING_PASSWORD SCRAM_ANALYTICS_PASSWORD SCRAM_BRIDGE_PASSWORD; do
  if [[ -z "${!v:-}" ]]; then echo "$v is not set: copy compose/.env.example to compose/.env and set KAFKA_${v#SCRAM_} there" >&2; exit 1; fi
done

cat > /tmp/kafka_server_jaas.conf <<JAAS
KafkaServer {
  org.apache.kafka.common.security.scram.ScramLoginModule required
  username="admin" password="${SCRAM_ADMIN_PASSWORD}";
};
JAAS
cat > /tmp/admin.properties <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${SCRAM_ADMIN_PASSWORD}";
PROPS

if [[ ! -f "${KAFKA_LOG_DIRS}/meta.properties" ]]; then
  cat > /tmp/format.properties <<PROPS
process.roles=${KAFKA_PROCESS_ROLES}
node.id=${KAFKA_NODE_ID}
controller.quorum.voters=${KAFKA_CONTROLLER_QUORUM_VOTERS}
controller.listener.names=${KAFKA_CONTROLLER_LISTENER_NAMES}
listeners=${KAFKA_LISTENERS}
listener.security.protocol.map=${KAFKA_LISTENER_SECURITY_PROTOCOL_MAP}
log.dirs=${KAFKA_LOG_DIRS}
PROPS
  /opt/kafka/bin/kafka-storage.sh format --cluster-id "${CLUSTER_ID}" --config /tmp/format.properties \
    --add-scram "SCRAM-SHA-512=[name=admin,password=${SCRAM_ADMIN_PASSWORD}]" \
    --add-scram "SCRAM-SHA-512=[name=ingest,password=${SCRAM_INGEST_PASSWORD}]" \
    --add-scram "SCRAM-SHA-512=[name=processing,password=${SCRAM_PROCESSING_PASSWORD}]" \
    --add-scram "SCRAM-SHA-512=[name=analytics,password=${SCRAM_ANALYTICS_PASSWORD}]" \
    --add-scram "SCRAM-SHA-512=[name=bridge,password=${SCRAM_BRIDGE_PASSWORD}]"
fi
exec /etc/kafka/docker/run
