-- The device whose read was decided: after a restart the decision service rebuilds its lane fusion state from
-- the recent decisions, and a device reads a truck once per passage.
ALTER TABLE {db}.gate_decisions ADD COLUMN IF NOT EXISTS device_id LowCardinality(String) DEFAULT ''
