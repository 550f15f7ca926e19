-- Who changed a register record, readable: the guard operator's configured display name at the time of the change,
-- beside operator_id (the id the credential proved). Empty for the national-platform learner and older rows.
ALTER TABLE {db}.registry_audit ADD COLUMN IF NOT EXISTS operator_name String DEFAULT '' COMMENT '操作员姓名'
