-- Alarm acknowledgements (告警确认): append-only, every ack kept with who, when and why — an alarm acknowledged
-- twice shows both. `dataplatform alarms ack` writes here; `alarms list --open` lists alarms with no ack.
-- Kept as long as the alarms they acknowledge.
CREATE TABLE IF NOT EXISTS {db}.alarm_acks
(
    ack_id      UUID,
    alarm_id    UUID,
    acked_at    DateTime64(3, 'Asia/Shanghai'),
    acked_by    String COMMENT '确认人',
    note        String COMMENT '处理说明',
    recorded_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(acked_at)
ORDER BY (alarm_id, ack_id)
TTL toDateTime(acked_at) + INTERVAL 30 MONTH;
