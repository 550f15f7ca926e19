-- Manual review (issue 4 §2): the writer flags a passage whose plate read it cannot stand by (low confidence,
-- sources in conflict, a confusable look-alike of a registered plate) in the same insert as the row, and the flag
-- is part of the row's seal (only when set, so rows written before this migration keep their hashes): removing a
-- flag to pass an uncertain read off as certain is detected by `ledger verify`.
ALTER TABLE {db}.passages ADD COLUMN IF NOT EXISTS review_reason String DEFAULT '' COMMENT '待审核原因; empty = the read was certain';
ALTER TABLE {db}.passages ADD COLUMN IF NOT EXISTS review_candidates Array(String) DEFAULT [] COMMENT 'plates the sources or the registry suggest';
-- A re-pushed event with another pass time lands in another day (even month) of the sorting key: the writers'
-- stored-id check looks the id up without a time bound, and this index keeps that look-up to a few granules.
ALTER TABLE {db}.passages ADD INDEX IF NOT EXISTS idx_passage_id passage_id TYPE bloom_filter GRANULARITY 4;
ALTER TABLE {db}.gate_decisions ADD INDEX IF NOT EXISTS idx_passage_id passage_id TYPE bloom_filter GRANULARITY 4
