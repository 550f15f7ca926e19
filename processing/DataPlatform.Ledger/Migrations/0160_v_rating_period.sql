-- Analyst view (分析视图) of a period's rating figures, for dashboards: one row for the chosen enterprises over the
-- China days from_day–to_day, the sums of v_rating_daily's additive columns and the ratios of those sums (a period's
-- ratio is the ratio of its summed tonnes or trips, never the mean of the day ratios), under v_rating_daily's default
-- definitions (compliant road = 国六 or electric). With one enterprise these are the figures of `dataplatform rating`
-- for the period under the rule set `general`; with several, the figures of the group. Ratios are NULL when their
-- denominator is 0; an empty period is one row of zeros. Parameterized view (ClickHouse ≥ 23.1):
--   SELECT clean_transport_ratio FROM ledger.v_rating_period(from_day = '2026-11-01', to_day = '2026-11-30', enterprises = ['E1'])
-- Arguments may be constant expressions on ClickHouse 26.5 (older servers refuse some: "Substitution … is not set"),
-- so Grafana's macros feed them: from_day = toDate($__fromTime, 'Asia/Shanghai').
CREATE OR REPLACE VIEW {db}.v_rating_period
(
    days UInt64 COMMENT '期间内有评级数据的企业日数',
    road_tonnes Decimal(38, 3) COMMENT '公路运输量（吨）：已闭合、进厂/出厂有货行程的净重之和',
    road_trips UInt64 COMMENT '公路运输车次',
    clean_mode_tonnes Decimal(38, 3) COMMENT '清洁方式运输量（吨）：铁路、水路、管道、管廊皮带',
    heavy_trips UInt64 COMMENT '重型载货车（H1x/Q1x）车次',
    heavy_tonnes Decimal(38, 3) COMMENT '重型载货车运输量（吨）',
    compliant_heavy_trips UInt64 COMMENT '国六及新能源重型载货车车次',
    compliant_heavy_tonnes Decimal(38, 3) COMMENT '国六及新能源重型载货车运输量（吨）',
    nev_heavy_trips UInt64 COMMENT '新能源重型载货车车次',
    nev_heavy_tonnes Decimal(38, 3) COMMENT '新能源重型载货车运输量（吨）',
    unknown_stage_trips UInt64 COMMENT '排放阶段未知（未登记）车辆车次，计为不达标',
    unknown_stage_tonnes Decimal(38, 3) COMMENT '排放阶段未知车辆运输量（吨）',
    clean_transport_ratio Nullable(Float64) COMMENT '清洁运输比例 = 期间清洁方式吨数 ÷ (清洁方式吨数 + 公路吨数)',
    clean_transport_ratio_incl_nev Nullable(Float64) COMMENT '清洁运输比例（含新能源重卡）= (清洁方式吨数 + 新能源重卡吨数) ÷ (清洁方式吨数 + 公路吨数)',
    compliant_road_share_tonnes Nullable(Float64) COMMENT '国六及新能源重卡运输量占比（按吨）',
    compliant_road_share_trips Nullable(Float64) COMMENT '国六及新能源重卡占比（按车次）',
    nev_heavy_share_trips Nullable(Float64) COMMENT '新能源重卡占比（按车次）',
    alert_days UInt64 COMMENT '重污染天气预警日数',
    normal_days UInt64 COMMENT '常态日数（非预警且有进厂通行的日子）',
    alert_day_interceptions UInt64 COMMENT '预警日门禁拦截次数',
    heavy_passages_per_alert_day Nullable(Float64) COMMENT '预警日日均重型载货车进厂次数',
    heavy_passages_per_normal_day Nullable(Float64) COMMENT '常态日日均重型载货车进厂次数',
    passages UInt64 COMMENT '进厂通行次数',
    heavy_passages UInt64 COMMENT '重型载货车进厂通行次数',
    interceptions UInt64 COMMENT '门禁拦截次数'
)
AS SELECT
    count() AS days,
    sum(d.road_tonnes) AS road_tonnes,
    sum(d.road_trips) AS road_trips,
    sum(d.clean_mode_tonnes) AS clean_mode_tonnes,
    sum(d.heavy_trips) AS heavy_trips,
    sum(d.heavy_tonnes) AS heavy_tonnes,
    sum(d.compliant_heavy_trips) AS compliant_heavy_trips,
    sum(d.compliant_heavy_tonnes) AS compliant_heavy_tonnes,
    sum(d.nev_heavy_trips) AS nev_heavy_trips,
    sum(d.nev_heavy_tonnes) AS nev_heavy_tonnes,
    sum(d.unknown_stage_trips) AS unknown_stage_trips,
    sum(d.unknown_stage_tonnes) AS unknown_stage_tonnes,
    -- Float64 quotients of the exact decimal sums: ClickHouse's Decimal division keeps the dividend's scale (3 digits).
    if(clean_mode_tonnes + road_tonnes > 0, toFloat64(clean_mode_tonnes) / toFloat64(clean_mode_tonnes + road_tonnes), NULL) AS clean_transport_ratio,
    if(clean_mode_tonnes + road_tonnes > 0, toFloat64(clean_mode_tonnes + nev_heavy_tonnes) / toFloat64(clean_mode_tonnes + road_tonnes), NULL) AS clean_transport_ratio_incl_nev,
    if(heavy_tonnes > 0, toFloat64(compliant_heavy_tonnes) / toFloat64(heavy_tonnes), NULL) AS compliant_road_share_tonnes,
    if(heavy_trips > 0, compliant_heavy_trips / heavy_trips, NULL) AS compliant_road_share_trips,
    if(heavy_trips > 0, nev_heavy_trips / heavy_trips, NULL) AS nev_heavy_share_trips,
    countIf(d.alert_day = 1) AS alert_days,
    countIf(d.alert_day = 0 AND d.passages > 0) AS normal_days,
    sumIf(d.interceptions, d.alert_day = 1) AS alert_day_interceptions,
    if(alert_days > 0, sumIf(d.heavy_passages, d.alert_day = 1) / alert_days, NULL) AS heavy_passages_per_alert_day,
    if(normal_days > 0, sumIf(d.heavy_passages, d.alert_day = 0) / normal_days, NULL) AS heavy_passages_per_normal_day,
    sum(d.passages) AS passages,
    sum(d.heavy_passages) AS heavy_passages,
    sum(d.interceptions) AS interceptions
FROM {db}.v_rating_daily AS d
WHERE d.day >= {from_day:Date} AND d.day <= {to_day:Date} AND has({enterprises:Array(String)}, d.enterprise_id)
