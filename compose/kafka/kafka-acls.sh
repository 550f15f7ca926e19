#!/bin/bash
# Per-role ACLs (idempotent: adding an existing ACL is a no-op). Every platform role may read and write the
# platform's topics and use its consumer groups and transactional ids; a DENY (which beats any ALLOW) keeps ingest
# and analytics from writing control.commands (policies, blacklists, alert level): only processing and the regulator
# bridge issue commands.
set -euo pipefail
cat > /tmp/admin.properties <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${SCRAM_ADMIN_PASSWORD}";
PROPS
acls() { /opt/kafka/bin/kafka-acls.sh --bootstrap-server kafka:9092 --command-config /tmp/admin.properties "$@"; }
for role in ingest processing analytics bridge; do
  acls --add --allow-principal "User:${role}" --operation All --topic '*'
  acls --add --allow-principal "User:${role}" --operation All --group '*'
  acls --add --allow-principal "User:${role}" --operation All --transactional-id '*'
  acls --add --allow-principal "User:${role}" --operation IdempotentWrite --operation Describe --cluster
done
for role in ingest analytics; do
  acls --add --deny-principal "User:${role}" --operation Write --topic control.commands
done
echo "ACLs: control.commands writable by processing and bridge only"
