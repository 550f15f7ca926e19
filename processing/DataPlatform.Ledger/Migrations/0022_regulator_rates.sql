-- Transmission and completeness rates (传输率 / 完整率, spec §5) per China-time day and gate, recomputed from the
-- outbox by the bridge; the newest computation wins (FINAL or argMax(…, computed_at)). For dashboards and reports.
CREATE TABLE IF NOT EXISTS {db}.regulator_rates
(
    day               Date,
    gate_id           LowCardinality(String),
    generated         UInt32,
    on_time           UInt32,
    late_real_time    UInt32,
    backfilled        UInt32 COMMENT '补传 acknowledged, counted apart from on-time',
    unacknowledged    UInt32,
    uploaded          UInt32,
    complete          UInt32,
    transmission_rate Float64,
    completeness_rate Nullable(Float64),
    transmission_threshold Float64,
    completeness_threshold Float64,
    computed_at       DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(day)
ORDER BY (day, gate_id)
TTL day + INTERVAL 30 MONTH;
