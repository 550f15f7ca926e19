-- Trained models of the analytics stage (机器学习模型版本), one row per model version.
-- model_kind names the task (traffic-forecast, smoking-risk, night-burst); model_version is unique per kind and
-- is what traffic_forecasts and anomaly_flags point to. A version is written once; ReplacingMergeTree on
-- (model_kind, model_version) only collapses a retried write. The file itself lives under MachineLearning:ModelDirectory.
CREATE TABLE IF NOT EXISTS {db}.ml_models
(
    model_kind      LowCardinality(String) COMMENT 'traffic-forecast | smoking-risk | night-burst',
    model_version   String COMMENT 'kind-yyyyMMddHHmmss (China time of training)',
    enterprise_id   LowCardinality(String),
    trainer         LowCardinality(String) COMMENT 'FastTree | LightGbm | RandomizedPca | seasonal-naive (baseline kept)',
    trained_at      DateTime64(3, 'Asia/Shanghai'),
    window_from     DateTime('Asia/Shanghai') COMMENT 'first hour of training data',
    window_to       DateTime('Asia/Shanghai') COMMENT 'end (exclusive) of training data',
    features        Array(String) COMMENT 'feature names, in the order the model reads them',
    metrics         Map(String, Float64) COMMENT 'e.g. mae, mape, baseline_mae, baseline_mape, precision_at_budget, recall_at_budget',
    training_rows   UInt64,
    model_path      String COMMENT 'model file (ML.NET zip); empty for the seasonal-naive baseline',
    model_sha256    String,
    status          LowCardinality(String) COMMENT 'active | baseline-kept | superseded',
    note            String COMMENT '中文说明 / why the baseline was kept',
    recorded_at     DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(recorded_at)
ORDER BY (model_kind, model_version);
