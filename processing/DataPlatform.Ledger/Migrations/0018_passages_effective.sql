-- The effective passage ledger: every passage with its review status and the values a review settled on. A
-- passage never reviewed keeps its recorded values; the latest applied action (by applied_at) carries the values
-- after all earlier ones. Certain rows (review_status none / approved / corrected) are what the regulator upload
-- and the rating figures count; pending and rejected rows are kept, never lost.
CREATE VIEW IF NOT EXISTS {db}.passages_effective AS
SELECT
    p.passage_id AS passage_id, p.event_id AS event_id, p.enterprise_id AS enterprise_id, p.gate_id AS gate_id,
    p.lane_id AS lane_id, p.direction AS direction, p.pass_time AS pass_time,
    if(a.reviewed = 0, p.plate_no, a.plate_no_after) AS plate_no,
    if(a.reviewed = 0, p.plate_color, a.plate_color_after) AS plate_color,
    if(a.reviewed = 0, p.vehicle_type, a.vehicle_type_after) AS vehicle_type,
    p.confidence AS confidence, p.device_id AS device_id, p.pictures AS pictures,
    p.plate_no AS recorded_plate_no, p.plate_color AS recorded_plate_color, p.vehicle_type AS recorded_vehicle_type,
    p.review_reason AS review_reason, p.review_candidates AS review_candidates,
    multiIf(a.reviewed = 1, a.status_after, p.review_reason != '', 'pending', 'none') AS review_status,
    a.resolution_no AS resolutions,
    a.last_action_id AS last_action_id,
    p.record_hash AS record_hash
FROM {db}.passages AS p FINAL
LEFT JOIN
(
    SELECT passage_id, toUInt8(1) AS reviewed,
           argMax(status_after, (applied_at, action_id)) AS status_after,
           argMax(plate_no_after, (applied_at, action_id)) AS plate_no_after,
           argMax(plate_color_after, (applied_at, action_id)) AS plate_color_after,
           argMax(vehicle_type_after, (applied_at, action_id)) AS vehicle_type_after,
           max(resolution_no) AS resolution_no,
           argMax(action_id, (applied_at, action_id)) AS last_action_id
    FROM {db}.review_actions
    GROUP BY passage_id
) AS a ON a.passage_id = p.passage_id
