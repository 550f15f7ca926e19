-- Who acted, readable: the guard operator's configured display name (Ingest:GuardBooth:Operators name, e.g.
-- "1号门岗 张三") beside the operator id the credential proved. Sealed only when set, so older rows keep their hashes.
ALTER TABLE {db}.review_actions ADD COLUMN IF NOT EXISTS operator_name String DEFAULT '' COMMENT '操作员姓名 (display name at the time of the action)'
