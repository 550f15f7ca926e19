-- The manual-review queue (待审核队列): passages flagged by the writer and not yet resolved, oldest first.
CREATE VIEW IF NOT EXISTS {db}.review_queue AS
SELECT passage_id, enterprise_id, gate_id, lane_id, direction, pass_time, plate_no, plate_color, vehicle_type,
       confidence, device_id, review_reason, review_candidates, pictures
FROM {db}.passages_effective
WHERE review_status = 'pending'
ORDER BY pass_time
