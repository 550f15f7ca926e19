-- The interception ledger (拦截台账): every denied entry with the rule that fired and the reasons.
-- FINAL makes the listing exact even while a rebalance duplicate is unmerged; the filters a caller adds on
-- enterprise_id / pass_time are pushed into it, so a day's listing still reads one partition.
CREATE VIEW IF NOT EXISTS {db}.interceptions AS
SELECT
    passage_id, event_id, enterprise_id, gate_id, lane_id, pass_time, toDate(pass_time) AS pass_date,
    plate_no, plate_color, vehicle_type, rule_id, rule_text, display_text, stage, control_status, reasons,
    decided_at, policy_version
FROM {db}.gate_decisions FINAL
WHERE outcome = 'deny';

-- Interceptions by day, gate and rule: a count over the key prefix (enterprise, day, gate) plus the outcome
-- skip index; uniqExact on the passage id keeps it exact without FINAL.
CREATE VIEW IF NOT EXISTS {db}.interceptions_daily AS
SELECT
    enterprise_id,
    toDate(pass_time) AS pass_date,
    gate_id,
    rule_id,
    any(rule_text) AS rule_text,
    uniqExact(passage_id) AS interceptions
FROM {db}.gate_decisions
WHERE outcome = 'deny'
GROUP BY enterprise_id, pass_date, gate_id, rule_id;
