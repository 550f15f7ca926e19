-- Clean-mode shipments (清洁运输: 铁路 / 水路 / 管道 / 管廊皮带) imported from waybills and belt-scale exports: the
-- tonnages the gate cannot see, for the clean-transport ratio (spec §4). Append-only and sealed like passages: one
-- hash chain per enterprise and China date of the import (chain key 'enterprise/clean-mode/yyyy-MM-dd', heads in
-- ledger_chain_heads under ledger 'clean_mode_shipments'), checked by `ledger verify`. shipment_id is derived from
-- the row's content, so re-importing the same rows adds nothing; who imported, when, and from which file is kept.
-- No TTL: retention of ledger tables is configured per table family (issue 12 item 7), default keep.
CREATE TABLE IF NOT EXISTS {db}.clean_mode_shipments
(
    shipment_id   UUID COMMENT 'from the row content (enterprise, date, mode, direction, material, tonnes, reference)',
    enterprise_id LowCardinality(String),
    ship_date     Date COMMENT 'China calendar day of the shipment (发运/到达日期)',
    mode          LowCardinality(String) COMMENT 'rail 铁路 | water 水路 | pipeline 管道 | conveyor 管廊/皮带',
    direction     LowCardinality(String) COMMENT 'in 进 | out 出',
    material      String COMMENT '货物名称',
    tonnes        Decimal(18, 3) COMMENT '吨',
    reference     String COMMENT 'waybill / belt-scale ticket number (运单号/计量单号)',
    import_id     UUID COMMENT 'the import that brought the row',
    imported_by   String COMMENT 'who imported (导入人)',
    imported_at   DateTime64(3, 'Asia/Shanghai'),
    source_file   String COMMENT 'file name as given',
    file_sha256   String COMMENT 'SHA-256 hex of the imported file',
    line_no       UInt32 COMMENT 'row of the file (header = 1)',
    chain_key     LowCardinality(String),
    chain_seq     UInt64,
    prev_hash     String,
    record_hash   String,
    recorded_at   DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(ship_date)
ORDER BY (enterprise_id, ship_date, shipment_id)
SETTINGS non_replicated_deduplication_window = 1000
