// 绩效评级驾驶舱: shows RatingService's results as the rating JSON contract gives them (api/rating) — no formula here.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const names = {
    clean_transport_ratio: '清洁运输比例', clean_transport_ratio_incl_nev: '清洁运输比例（含新能源重卡）',
    compliant_road_share_tonnes: '国六及新能源重卡占比（按吨）', compliant_road_share_trips: '国六及新能源重卡占比（按车次）',
    nev_heavy_share_trips: '新能源重卡占比（按车次）', in_plant_compliance: '厂内运输车辆合规率', non_road_compliance: '非道路移动机械合规率',
    road_tonnes: '公路运输量（吨）', clean_mode_tonnes: '清洁方式运输量（吨）', nev_heavy_tonnes: '新能源重卡运输量（吨）',
    road_trips: '公路运输车次', heavy_trips: '重型载货车车次', heavy_tonnes: '重型载货车运输量（吨）',
    unknown_stage_trips: '排放阶段未知车次', unknown_stage_tonnes: '排放阶段未知运输量（吨）', alert_days: '重污染预警天数',
    normal_days: '常态天数', alert_day_interceptions: '预警日拦截次数', heavy_passages_per_alert_day: '预警日日均重卡进厂',
    heavy_passages_per_normal_day: '常态日日均重卡进厂',
  };
  const levels = { A: 'A 级', B: 'B 级', C: 'C 级', not_rated: '未达 C 级 / 无法评级' };
  // The ratio metrics (MetricNames.Ratios): numbers in [0, 1], shown as percentages — values and thresholds alike.
  // Named, not guessed from the name: compliant_road_share_trips ends in "trips" and is still a ratio.
  const ratios = new Set(['clean_transport_ratio', 'clean_transport_ratio_incl_nev', 'compliant_road_share_tonnes',
    'compliant_road_share_trips', 'nev_heavy_share_trips', 'in_plant_compliance', 'non_road_compliance']);
  const percent = (v) => (v == null ? '无数据' : (v * 100).toFixed(1) + '%');
  const show = (k, v) => (v == null ? '无数据' : ratios.has(k) ? percent(v) : (Number.isInteger(v) ? String(v) : Number(v).toFixed(1)));
  const percentAxis = { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v) => Math.round(v * 100) + '%' } };
  const criteriaChart = echarts.init($('chart-criteria'), 'dark');
  const trendChart = echarts.init($('chart-trend'), 'dark');
  window.addEventListener('resize', () => { criteriaChart.resize(); trendChart.resize(); });
  const params = new URLSearchParams(location.search);
  const today = new Date(Date.now() + 8 * 3600e3);
  // A select of months named in Chinese, not <input type="month">: its picker speaks the browser's locale (English in
  // a headless or an English-installed browser), this list speaks Chinese everywhere.
  (function months() {
    const current = today.toISOString().slice(0, 7);
    const wanted = /^\d{4}-\d{2}$/.test(params.get('month') || '') ? params.get('month') : current;
    const values = [];
    for (let i = 0; i < 36; i++) {
      const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
      values.push(d.toISOString().slice(0, 7));
    }
    if (!values.includes(wanted)) values.unshift(wanted);
    const label = (v) => `${v.slice(0, 4)}年${Number(v.slice(5, 7))}月`;
    $('month').replaceChildren(...values.map((v) => new Option(label(v), v, false, v === wanted)));
    $('month').value = wanted;
  })();
  $('rules').value = params.get('rules') || '';

  function query(extra) {
    const q = new URLSearchParams({ month: $('month').value });
    if ($('rules').value.trim()) q.set('rules', $('rules').value.trim());
    for (const [k, v] of Object.entries(extra || {})) if (v) q.set(k, v);
    return q.toString();
  }

  async function get(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.reason || response.statusText);
    return body;
  }

  function renderResult(r) {
    const level = $('level');
    level.textContent = levels[r.level] || r.level; level.className = 'level ' + r.level;
    level.dataset.level = r.level;
    $('level-note').textContent = `${r.enterprise} · ${r.period.from} 至 ${r.period.to} · 规则集 ${r.rules}`;
    const body = $('criteria').tBodies[0];
    body.replaceChildren();
    for (const c of r.criteria) {
      const tr = body.insertRow();
      tr.dataset.criterion = c.id;
      const metric = c.id.split('.')[1];
      for (const [value, cls] of [[c.id.split('.')[0] + ' 级', ''], [names[metric] || metric, ''], [show(metric, c.value), 'value'],
        [show(metric, c.threshold), 'threshold'], [c.pass ? '达标' : '未达标', c.pass ? 'pass' : 'fail']]) {
        const td = tr.insertCell(); td.textContent = value; if (cls) td.className = cls;
      }
    }
    const cards = $('metrics');
    cards.replaceChildren();
    for (const [k, v] of Object.entries(r.metrics)) {
      const div = document.createElement('div'); div.className = 'kpi'; div.dataset.metric = k;
      const label = document.createElement('div'); label.className = 'label'; label.textContent = names[k] || k;
      const value = document.createElement('div'); value.className = 'value'; value.textContent = show(k, v); value.dataset.raw = v == null ? '' : String(v);
      div.append(label, value); cards.appendChild(div);
    }
    // Every criterion judges a ratio (rule sets name only MetricNames.Ratios), so one percentage axis fits them all.
    // The legend sits in its own strip at the top, and the grid starts below it (containLabel keeps the long
    // criterion names inside the panel instead of under the legend).
    criteriaChart.setOption({
      backgroundColor: 'transparent', tooltip: { trigger: 'axis', valueFormatter: percent },
      legend: { data: ['本期值', '阈值'], top: 0, right: 8 }, grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: percentAxis,
      yAxis: { type: 'category', inverse: true, data: r.criteria.map((c) => c.id.split('.')[0] + ' 级 · ' + (names[c.id.split('.')[1]] || c.id)) },
      series: [
        { name: '本期值', type: 'bar', barMaxWidth: 22, data: r.criteria.map((c) => ({ value: c.value, itemStyle: { color: c.pass ? '#2fb36b' : '#e5484d' } })) },
        { name: '阈值', type: 'scatter', symbol: 'rect', symbolSize: [4, 22], data: r.criteria.map((c) => c.threshold), itemStyle: { color: '#f0a020' } },
      ],
    }, true);
  }

  async function renderTrend(enterprise) {
    const months = await get('/cockpit/api/rating/trend?' + query({ enterprise, months: '6' }));
    const keys = ['clean_transport_ratio', 'compliant_road_share_tonnes', 'compliant_road_share_trips', 'nev_heavy_share_trips'];
    // A scrolling legend stays on one line at any width (four long names wrapped onto the plot on a phone).
    trendChart.setOption({
      backgroundColor: 'transparent', tooltip: { trigger: 'axis', valueFormatter: percent },
      legend: { type: 'scroll', data: keys.map((k) => names[k]), top: 0, left: 8, right: 8 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => m.period.from.slice(0, 7)) },
      yAxis: percentAxis,
      series: keys.map((k) => ({ name: names[k], type: 'line', connectNulls: false, data: months.map((m) => m.metrics[k]) })),
    }, true);
  }

  async function load() {
    $('status').textContent = '加载中…';
    try {
      const all = await get('/cockpit/api/rating?' + query());
      const select = $('enterprise');
      const chosen = select.value || params.get('enterprise') || (all[0] && all[0].enterprise) || '';
      select.replaceChildren(...all.map((r) => new Option(r.enterprise, r.enterprise, false, r.enterprise === chosen)));
      const result = all.find((r) => r.enterprise === chosen);
      if (!result) { $('level').textContent = '本月暂无数据'; $('status').textContent = '无数据'; return; }
      renderResult(result);
      await renderTrend(chosen);
      $('status').textContent = '已更新 ' + new Date().toLocaleTimeString('zh-CN', { hour12: false });
      document.body.dataset.loaded = result.enterprise;
    } catch (e) {
      $('status').textContent = '加载失败：' + e.message;
    }
  }
  for (const id of ['enterprise', 'month', 'rules']) $(id).addEventListener('change', load);
  load();
  setInterval(load, 60000);
})();
