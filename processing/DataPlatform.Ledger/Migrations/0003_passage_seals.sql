-- Tamper evidence (issue 4 §6): every passage row carries its hash-chain link, written in the same insert as
-- the row so a crash can never leave a row without its seal. One chain per enterprise, gate lane and China
-- date, keyed as 'enterprise/gate/lane/yyyy-MM-dd' ('/' is not allowed inside the ids, so the key parses back).
-- An empty record_hash marks a row that did not go through the platform's writer.
ALTER TABLE {db}.passages ADD COLUMN IF NOT EXISTS chain_key LowCardinality(String) DEFAULT '' COMMENT 'hash chain: enterprise/gate/lane/China date';
ALTER TABLE {db}.passages ADD COLUMN IF NOT EXISTS chain_seq UInt64 DEFAULT 0 COMMENT 'position in the chain, from 0';
ALTER TABLE {db}.passages ADD COLUMN IF NOT EXISTS prev_hash String DEFAULT '' COMMENT 'SHA-256 hex of the previous link (the chain genesis for seq 0)';
ALTER TABLE {db}.passages ADD COLUMN IF NOT EXISTS record_hash String DEFAULT '' COMMENT 'SHA-256 hex of prev_hash, seq and the canonical record'
