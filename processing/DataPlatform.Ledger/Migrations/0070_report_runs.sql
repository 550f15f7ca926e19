-- Report runs (报表生成记录): the lock and the history of every scheduled or on-demand report. Append-only: a run
-- writes a 'started' row before it renders and a 'done' or 'failed' row after. Of the live 'started' rows of one
-- report (kind, enterprise, period) the earliest claim wins, so two analytics instances render a month once; a
-- 'done' row means the report exists and the scheduler does not render it again.
CREATE TABLE IF NOT EXISTS {db}.report_runs
(
    run_id        UUID COMMENT 'one attempt; its started / done / failed rows share it',
    report_key    String COMMENT 'kind/enterprise/period_from, e.g. monthly/E1302001/2026-10-01',
    kind          LowCardinality(String) COMMENT 'monthly | weekly | self-assessment',
    enterprise_id LowCardinality(String),
    period_from   Date COMMENT 'first China day of the period',
    period_to     Date COMMENT 'last China day of the period (inclusive)',
    status        LowCardinality(String) COMMENT 'started | done | failed | skipped',
    instance      String COMMENT 'host/process that ran it',
    trigger       LowCardinality(String) COMMENT 'schedule | catch-up | cli',
    files         Array(String) COMMENT 'files written under the report folder',
    error         String,
    claimed_at    DateTime64(6, 'UTC') COMMENT 'the server''s clock when the attempt claimed the report',
    recorded_at   DateTime64(6, 'UTC') DEFAULT now64(6)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(period_from)
ORDER BY (report_key, claimed_at, run_id, status)
