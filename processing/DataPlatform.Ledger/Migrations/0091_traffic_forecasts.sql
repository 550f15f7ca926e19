-- Hourly arrival forecasts (车流预测): per enterprise × gate × direction × hour, the next 72 hours.
-- A forecast run writes one row per hour and series, tagged with the model version that made it (or
-- 'seasonal-naive' when the baseline was kept); the latest run for an hour wins in readers (argMax on forecast_at).
CREATE TABLE IF NOT EXISTS {db}.traffic_forecasts
(
    enterprise_id   LowCardinality(String),
    gate_id         LowCardinality(String),
    direction       UInt8 COMMENT '1 = 进厂, 2 = 出厂',
    hour_start      DateTime('Asia/Shanghai') COMMENT 'the forecast hour (China time)',
    forecast_at     DateTime64(3, 'Asia/Shanghai') COMMENT 'when the run was made (its cut-off: no data after it was read)',
    horizon_hours   UInt16 COMMENT 'hours between the cut-off and hour_start (1..72)',
    predicted       Float32 COMMENT 'expected passages in that hour',
    baseline        Float32 COMMENT 'seasonal-naive: the same hour one week earlier',
    model_kind      LowCardinality(String) DEFAULT 'traffic-forecast',
    model_version   String,
    recorded_at     DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(recorded_at)
PARTITION BY toYYYYMM(hour_start)
ORDER BY (enterprise_id, gate_id, direction, hour_start, forecast_at)
TTL hour_start + INTERVAL 30 MONTH;
