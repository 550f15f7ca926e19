-- Analyst views (分析视图): the ledger as analysts query it, in China time, reviewed values, tonnes, with every
-- column commented in Chinese (system.columns.comment; DBeaver and Grafana show them). Analysts need not know
-- the raw tables, FINAL or the review join. Documented in analytics/README.md ("分析视图").
CREATE OR REPLACE VIEW {db}.v_passages AS
SELECT passage_id, enterprise_id, gate_id, lane_id,
       if(direction = 1, '进厂', '出厂') AS direction, pass_time, toDate(pass_time) AS pass_date,
       plate_no, plate_color, vehicle_type, confidence, device_id, pictures, length(pictures) AS picture_count,
       review_status, recorded_plate_no
FROM {db}.passages_effective;

ALTER TABLE {db}.v_passages COMMENT COLUMN passage_id '通行记录编号 (passage id)';
ALTER TABLE {db}.v_passages COMMENT COLUMN enterprise_id '企业编码';
ALTER TABLE {db}.v_passages COMMENT COLUMN gate_id '门禁编号';
ALTER TABLE {db}.v_passages COMMENT COLUMN lane_id '车道编号';
ALTER TABLE {db}.v_passages COMMENT COLUMN direction '进出方向: 进厂 / 出厂';
ALTER TABLE {db}.v_passages COMMENT COLUMN pass_time '通行时间 (北京时间)';
ALTER TABLE {db}.v_passages COMMENT COLUMN pass_date '通行日期 (北京时间)';
ALTER TABLE {db}.v_passages COMMENT COLUMN plate_no '车牌号 (审核后)';
ALTER TABLE {db}.v_passages COMMENT COLUMN plate_color '车牌颜色 (审核后)';
ALTER TABLE {db}.v_passages COMMENT COLUMN vehicle_type '车辆类型 GA 24.4 (审核后)';
ALTER TABLE {db}.v_passages COMMENT COLUMN confidence '识别置信度 0–1';
ALTER TABLE {db}.v_passages COMMENT COLUMN device_id '抓拍设备编号';
ALTER TABLE {db}.v_passages COMMENT COLUMN pictures '图片 (存储键)';
ALTER TABLE {db}.v_passages COMMENT COLUMN picture_count '图片数量';
ALTER TABLE {db}.v_passages COMMENT COLUMN review_status '审核状态: none 无需审核 / pending 待审核 / approved 已确认 / corrected 已更正 / rejected 已驳回';
ALTER TABLE {db}.v_passages COMMENT COLUMN recorded_plate_no '识别原始车牌号 (审核前)';

CREATE OR REPLACE VIEW {db}.v_trips AS
SELECT trip_id, enterprise_id, gate_id AS entry_gate_id, exit_gate_id, plate_no, plate_color,
       entry_time, toDate(entry_time) AS entry_date, exit_time,
       if(exit_time IS NULL, NULL, dateDiff('minute', entry_time, assumeNotNull(exit_time))) AS minutes_in_plant,
       status, load, gross_kg / 1000 AS gross_t, tare_kg / 1000 AS tare_t, net_kg / 1000 AS net_t, cargo_name,
       length(weighing_ids) AS weighings
FROM {db}.trips FINAL;

ALTER TABLE {db}.v_trips COMMENT COLUMN trip_id '运输趟次编号';
ALTER TABLE {db}.v_trips COMMENT COLUMN enterprise_id '企业编码';
ALTER TABLE {db}.v_trips COMMENT COLUMN entry_gate_id '进厂门禁编号';
ALTER TABLE {db}.v_trips COMMENT COLUMN exit_gate_id '出厂门禁编号 (未出厂为空)';
ALTER TABLE {db}.v_trips COMMENT COLUMN plate_no '车牌号';
ALTER TABLE {db}.v_trips COMMENT COLUMN plate_color '车牌颜色';
ALTER TABLE {db}.v_trips COMMENT COLUMN entry_time '进厂时间 (北京时间)';
ALTER TABLE {db}.v_trips COMMENT COLUMN entry_date '进厂日期 (北京时间)';
ALTER TABLE {db}.v_trips COMMENT COLUMN exit_time '出厂时间 (北京时间, 未出厂为空)';
ALTER TABLE {db}.v_trips COMMENT COLUMN minutes_in_plant '在厂时长 (分钟)';
ALTER TABLE {db}.v_trips COMMENT COLUMN status '状态: open 在厂 / closed 已出厂';
ALTER TABLE {db}.v_trips COMMENT COLUMN load '载货: inbound 进料 / outbound 出料 / empty 空车 / unknown 未知';
ALTER TABLE {db}.v_trips COMMENT COLUMN gross_t '毛重 (吨)';
ALTER TABLE {db}.v_trips COMMENT COLUMN tare_t '皮重 (吨)';
ALTER TABLE {db}.v_trips COMMENT COLUMN net_t '净重 / 运输量 (吨)';
ALTER TABLE {db}.v_trips COMMENT COLUMN cargo_name '货物名称';
ALTER TABLE {db}.v_trips COMMENT COLUMN weighings '过磅次数';

CREATE OR REPLACE VIEW {db}.v_vehicles AS
SELECT '道路运输车辆' AS register, enterprise_id, registration_code, plate_no, plate_color, vin, vehicle_type, fuel, stage,
       owner, version, changed_at, source
FROM {db}.road_vehicles_latest
UNION ALL
SELECT '厂内运输车辆' AS register, enterprise_id, registration_code, plate_no, plate_color, vin, vehicle_type, fuel, stage,
       owner, version, changed_at, source
FROM {db}.in_plant_vehicles_latest;

ALTER TABLE {db}.v_vehicles COMMENT COLUMN register '登记类别: 道路运输车辆 / 厂内运输车辆';
ALTER TABLE {db}.v_vehicles COMMENT COLUMN enterprise_id '企业编码';
ALTER TABLE {db}.v_vehicles COMMENT COLUMN registration_code '登记编码 (道路车辆: 车牌/颜色)';
ALTER TABLE {db}.v_vehicles COMMENT COLUMN plate_no '车牌号';
ALTER TABLE {db}.v_vehicles COMMENT COLUMN plate_color '车牌颜色';
ALTER TABLE {db}.v_vehicles COMMENT COLUMN vin '车辆识别代号 VIN';
ALTER TABLE {db}.v_vehicles COMMENT COLUMN vehicle_type '车辆类型 GA 24.4';
ALTER TABLE {db}.v_vehicles COMMENT COLUMN fuel '燃料类型 GA 24.9';
ALTER TABLE {db}.v_vehicles COMMENT COLUMN stage '排放阶段: 0…6, 6a, 6b, D 电动';
ALTER TABLE {db}.v_vehicles COMMENT COLUMN owner '所有人';
ALTER TABLE {db}.v_vehicles COMMENT COLUMN version '登记版本 (最新)';
ALTER TABLE {db}.v_vehicles COMMENT COLUMN changed_at '最近变更时间 (北京时间)';
ALTER TABLE {db}.v_vehicles COMMENT COLUMN source '来源: guard-booth 门岗登记 / national-platform 国家平台';

CREATE OR REPLACE VIEW {db}.v_machinery AS
SELECT enterprise_id, registration_code, plate_no, pin, machinery_kind, fuel, stage, owner, version, changed_at, source
FROM {db}.non_road_machinery_latest;

ALTER TABLE {db}.v_machinery COMMENT COLUMN enterprise_id '企业编码';
ALTER TABLE {db}.v_machinery COMMENT COLUMN registration_code '环保登记编码';
ALTER TABLE {db}.v_machinery COMMENT COLUMN plate_no '号牌';
ALTER TABLE {db}.v_machinery COMMENT COLUMN pin '机械环保代码 / PIN';
ALTER TABLE {db}.v_machinery COMMENT COLUMN machinery_kind '机械种类 (挖掘机、装载机、叉车 …)';
ALTER TABLE {db}.v_machinery COMMENT COLUMN fuel '燃料类型';
ALTER TABLE {db}.v_machinery COMMENT COLUMN stage '排放阶段: 0…4, D 电动, X 其他';
ALTER TABLE {db}.v_machinery COMMENT COLUMN owner '所有人';
ALTER TABLE {db}.v_machinery COMMENT COLUMN version '登记版本 (最新)';
ALTER TABLE {db}.v_machinery COMMENT COLUMN changed_at '最近变更时间 (北京时间)';
ALTER TABLE {db}.v_machinery COMMENT COLUMN source '来源';

CREATE OR REPLACE VIEW {db}.v_uploads AS
SELECT record_id, kind, enterprise_id, gate_id,
       toTimeZone(generated_at, 'Asia/Shanghai') AS generated_at, toTimeZone(deadline, 'Asia/Shanghai') AS deadline,
       state, attempts, multiIf(mode = 'realtime', '实时', mode = 'backfill', '补传', '') AS mode,
       toTimeZone(acknowledged_at, 'Asia/Shanghai') AS acknowledged_at, complete, missing, last_error
FROM {db}.regulator_outbox FINAL;

ALTER TABLE {db}.v_uploads COMMENT COLUMN record_id '上传记录编号';
ALTER TABLE {db}.v_uploads COMMENT COLUMN kind '记录类别 (Passage 通行记录, VehicleRegister 车辆登记 …)';
ALTER TABLE {db}.v_uploads COMMENT COLUMN enterprise_id '企业编码';
ALTER TABLE {db}.v_uploads COMMENT COLUMN gate_id '门禁编号';
ALTER TABLE {db}.v_uploads COMMENT COLUMN generated_at '产生时间 (北京时间)';
ALTER TABLE {db}.v_uploads COMMENT COLUMN deadline '上传时限 (北京时间)';
ALTER TABLE {db}.v_uploads COMMENT COLUMN state '状态: Pending 待传 / InFlight 上传中 / RetryWait 等待重试 / Acknowledged 已确认 / Failed 失败';
ALTER TABLE {db}.v_uploads COMMENT COLUMN attempts '尝试次数';
ALTER TABLE {db}.v_uploads COMMENT COLUMN mode '上传方式: 实时 / 补传';
ALTER TABLE {db}.v_uploads COMMENT COLUMN acknowledged_at '监管平台确认时间 (北京时间)';
ALTER TABLE {db}.v_uploads COMMENT COLUMN complete '数据完整 1 / 0';
ALTER TABLE {db}.v_uploads COMMENT COLUMN missing '缺少的字段或图片';
ALTER TABLE {db}.v_uploads COMMENT COLUMN last_error '最近一次错误';

CREATE OR REPLACE VIEW {db}.v_interceptions AS
SELECT passage_id, enterprise_id, gate_id, lane_id, pass_time, pass_date, plate_no, plate_color, vehicle_type,
       rule_id, rule_text, stage, control_status
FROM {db}.interceptions;

ALTER TABLE {db}.v_interceptions COMMENT COLUMN passage_id '通行记录编号';
ALTER TABLE {db}.v_interceptions COMMENT COLUMN enterprise_id '企业编码';
ALTER TABLE {db}.v_interceptions COMMENT COLUMN gate_id '门禁编号';
ALTER TABLE {db}.v_interceptions COMMENT COLUMN lane_id '车道编号';
ALTER TABLE {db}.v_interceptions COMMENT COLUMN pass_time '拦截时间 (北京时间)';
ALTER TABLE {db}.v_interceptions COMMENT COLUMN pass_date '拦截日期 (北京时间)';
ALTER TABLE {db}.v_interceptions COMMENT COLUMN plate_no '车牌号';
ALTER TABLE {db}.v_interceptions COMMENT COLUMN plate_color '车牌颜色';
ALTER TABLE {db}.v_interceptions COMMENT COLUMN vehicle_type '车辆类型 GA 24.4';
ALTER TABLE {db}.v_interceptions COMMENT COLUMN rule_id '拦截规则编号';
ALTER TABLE {db}.v_interceptions COMMENT COLUMN rule_text '拦截原因';
ALTER TABLE {db}.v_interceptions COMMENT COLUMN stage '排放阶段';
ALTER TABLE {db}.v_interceptions COMMENT COLUMN control_status '管控状态 (重污染天气预警等级)';

CREATE OR REPLACE VIEW {db}.v_weighings AS
SELECT weighing_id, enterprise_id, weighbridge_id, weigh_time, toDate(weigh_time) AS weigh_date,
       weight_kg / 1000 AS weight_t, kind, ticket_no, cargo_name, plate_no
FROM {db}.weighings FINAL;

ALTER TABLE {db}.v_weighings COMMENT COLUMN weighing_id '过磅记录编号';
ALTER TABLE {db}.v_weighings COMMENT COLUMN enterprise_id '企业编码';
ALTER TABLE {db}.v_weighings COMMENT COLUMN weighbridge_id '地磅编号';
ALTER TABLE {db}.v_weighings COMMENT COLUMN weigh_time '过磅时间 (北京时间)';
ALTER TABLE {db}.v_weighings COMMENT COLUMN weigh_date '过磅日期 (北京时间)';
ALTER TABLE {db}.v_weighings COMMENT COLUMN weight_t '重量 (吨)';
ALTER TABLE {db}.v_weighings COMMENT COLUMN kind '类别: gross 毛重 / tare 皮重 / unknown 未知';
ALTER TABLE {db}.v_weighings COMMENT COLUMN ticket_no '磅单号';
ALTER TABLE {db}.v_weighings COMMENT COLUMN cargo_name '货物名称';
ALTER TABLE {db}.v_weighings COMMENT COLUMN plate_no '车牌号 (地磅记录, 可能为空)'
