-- Downlink commands from the regulator (blacklists, emergency measures): one row per command id with its
-- validity window and latest status (newest revision wins), and an append-only receipt / execution log in which
-- every message is kept, including forged, expired, replayed and malformed ones (never applied).
CREATE TABLE IF NOT EXISTS {db}.regulator_commands
(
    command_id    String,
    command_type  LowCardinality(String) COMMENT 'blacklist | emergency',
    enterprise_id LowCardinality(String),
    issued_at     DateTime64(3, 'UTC'),
    valid_from    Nullable(DateTime64(3, 'UTC')),
    valid_to      Nullable(DateTime64(3, 'UTC')),
    status        LowCardinality(String) COMMENT 'received | executed | rejected',
    detail        String,
    control_json  String COMMENT 'the control.commands message(s) it was applied as',
    received_at   DateTime64(3, 'UTC'),
    revision      UInt64
)
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(received_at)
ORDER BY command_id
TTL toDateTime(received_at) + INTERVAL 30 MONTH;

CREATE TABLE IF NOT EXISTS {db}.regulator_command_log
(
    at          DateTime64(3, 'UTC'),
    command_id  String COMMENT 'empty when the message could not be read far enough',
    step        LowCardinality(String) COMMENT 'received | rejected | executed | receipt-sent | receipt-failed',
    reason      LowCardinality(String) COMMENT 'BadSignature, Replayed, Expired, Malformed, … for rejections',
    message     String COMMENT 'for operators, in Chinese',
    transport   LowCardinality(String) COMMENT 'poll | push',
    raw         String COMMENT 'the message as received, kept for inspection' CODEC(ZSTD(3))
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (at, command_id)
TTL toDateTime(at) + INTERVAL 30 MONTH;
