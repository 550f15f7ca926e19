-- Anomaly flags (异常线索): one row per flag version. A rule or a model raises a flag (status 'open'); a reviewer
-- confirms or dismisses it, which writes a new version of the same flag_id with a higher version — the earlier
-- rows stay (audit: version is in the sorting key, so nothing collapses). Read the current state with
-- argMax(…, version) GROUP BY flag_id.
-- kind: cloned-plate | entry-without-exit | guard-override | never-weighed | unregistered-machinery |
--       night-burst | smoking-risk.
CREATE TABLE IF NOT EXISTS {db}.anomaly_flags
(
    flag_id         UUID COMMENT 'derived from (kind, subject, window) so a re-run raises the same flag once',
    version         UInt32 COMMENT '1 when raised; +1 per review',
    kind            LowCardinality(String),
    enterprise_id   LowCardinality(String),
    gate_id         LowCardinality(String),
    subject         String COMMENT '车牌号, gate or machine the flag is about',
    observed_from   DateTime('Asia/Shanghai'),
    observed_to     DateTime('Asia/Shanghai'),
    score           Float64 COMMENT 'rules: 1; models: their score (higher = more suspicious)',
    model_kind      LowCardinality(String) COMMENT 'rule | smoking-risk | night-burst',
    model_version   String COMMENT 'rule id for rules, ml_models.model_version for models',
    title           String COMMENT '中文标题',
    detail          String COMMENT '中文说明 with the figures',
    passage_ids     Array(UUID) COMMENT 'evidence: passages',
    reading_ids     Array(UUID) COMMENT 'evidence: opacity_readings',
    pictures        Array(String) COMMENT 'evidence: picture ids (sha256:…) of those passages',
    status          LowCardinality(String) COMMENT 'open | confirmed | dismissed',
    reviewer        String,
    review_note     String,
    raised_at       DateTime64(3, 'Asia/Shanghai'),
    changed_at      DateTime64(3, 'Asia/Shanghai'),
    recorded_at     DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(observed_from)
ORDER BY (kind, flag_id, version)
TTL observed_from + INTERVAL 30 MONTH;
