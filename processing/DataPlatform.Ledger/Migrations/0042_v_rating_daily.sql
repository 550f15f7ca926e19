-- Analyst view (分析视图): one row per enterprise × China day with the day's rating metrics under the default
-- definitions (compliant road = 国六 or electric; rule sets may judge others, see `dataplatform rating`).
-- Ratios are NULL when their denominator is 0.
CREATE OR REPLACE VIEW {db}.v_rating_daily
(
    enterprise_id String COMMENT '企业编号',
    day Date COMMENT '日期（北京时间自然日）',
    road_tonnes Decimal(38, 3) COMMENT '公路运输量（吨）：已闭合、进厂/出厂有货行程的净重之和',
    road_trips UInt64 COMMENT '公路运输车次',
    clean_mode_tonnes Decimal(18, 3) COMMENT '清洁方式运输量（吨）：铁路、水路、管道、管廊皮带',
    heavy_trips UInt64 COMMENT '重型载货车（H1x/Q1x）车次',
    heavy_tonnes Decimal(38, 3) COMMENT '重型载货车运输量（吨）',
    compliant_heavy_trips UInt64 COMMENT '国六及新能源重型载货车车次',
    compliant_heavy_tonnes Decimal(38, 3) COMMENT '国六及新能源重型载货车运输量（吨）',
    nev_heavy_trips UInt64 COMMENT '新能源重型载货车车次',
    nev_heavy_tonnes Decimal(38, 3) COMMENT '新能源重型载货车运输量（吨）',
    unknown_stage_trips UInt64 COMMENT '排放阶段未知（未登记）车辆车次，计为不达标',
    unknown_stage_tonnes Decimal(38, 3) COMMENT '排放阶段未知车辆运输量（吨）',
    clean_transport_ratio Nullable(Float64) COMMENT '清洁运输比例 = 清洁方式吨数 ÷ (清洁方式吨数 + 公路吨数)',
    clean_transport_ratio_incl_nev Nullable(Float64) COMMENT '清洁运输比例（含新能源重卡）',
    compliant_road_share_tonnes Nullable(Float64) COMMENT '国六及新能源重卡运输量占比（按吨）',
    compliant_road_share_trips Nullable(Float64) COMMENT '国六及新能源重卡占比（按车次）',
    nev_heavy_share_trips Nullable(Float64) COMMENT '新能源重卡占比（按车次）',
    alert_day UInt8 COMMENT '是否重污染天气预警日（1 是）',
    passages UInt64 COMMENT '进厂通行次数',
    heavy_passages UInt64 COMMENT '重型载货车进厂通行次数',
    interceptions UInt64 COMMENT '门禁拦截次数'
)
AS SELECT
    enterprise_id,
    day,
    toDecimal128(road_kg, 0) / 1000 AS road_tonnes,
    road_trips,
    clean_mode_tonnes,
    arraySum(mapValues(heavy_trips_by_stage)) AS heavy_trips,
    toDecimal128(arraySum(mapValues(heavy_kg_by_stage)), 0) / 1000 AS heavy_tonnes,
    arraySum(mapValues(mapFilter((s, n) -> s IN ('6', '6a', '6b', 'D'), heavy_trips_by_stage))) AS compliant_heavy_trips,
    toDecimal128(arraySum(mapValues(mapFilter((s, n) -> s IN ('6', '6a', '6b', 'D'), heavy_kg_by_stage))), 0) / 1000 AS compliant_heavy_tonnes,
    heavy_trips_by_stage['D'] AS nev_heavy_trips,
    toDecimal128(heavy_kg_by_stage['D'], 0) / 1000 AS nev_heavy_tonnes,
    unknown_stage_trips,
    toDecimal128(unknown_stage_kg, 0) / 1000 AS unknown_stage_tonnes,
    if(clean_mode_tonnes + road_tonnes > 0, toFloat64(clean_mode_tonnes / (clean_mode_tonnes + road_tonnes)), NULL) AS clean_transport_ratio,
    if(clean_mode_tonnes + road_tonnes > 0, toFloat64((clean_mode_tonnes + nev_heavy_tonnes) / (clean_mode_tonnes + road_tonnes)), NULL) AS clean_transport_ratio_incl_nev,
    if(heavy_tonnes > 0, toFloat64(compliant_heavy_tonnes / heavy_tonnes), NULL) AS compliant_road_share_tonnes,
    if(heavy_trips > 0, compliant_heavy_trips / heavy_trips, NULL) AS compliant_road_share_trips,
    if(heavy_trips > 0, nev_heavy_trips / heavy_trips, NULL) AS nev_heavy_share_trips,
    alert_day,
    passages,
    heavy_passages,
    interceptions
FROM {db}.rating_daily FINAL
