// 门禁实时监控: renders the snapshot the server pushes (GET api/monitor/stream, event "snapshot") — no polling.
(function () {
  'use strict';
  const query = location.search; // ?enterprise=… passes through to the API
  const $ = (id) => document.getElementById(id);
  const text = (value) => document.createTextNode(value == null ? '' : String(value));
  const percent = (r) => (r == null ? '–' : (r * 100).toFixed(1) + '%');
  const directions = { 1: '进厂', 2: '出厂' };
  const severities = { critical: '严重', warning: '警告', info: '提示' };
  const hoursChart = echarts.init($('chart-hours'), 'dark', { renderer: 'canvas' });
  const decisionsChart = echarts.init($('chart-decisions'), 'dark', { renderer: 'canvas' });
  window.addEventListener('resize', () => { hoursChart.resize(); decisionsChart.resize(); });
  // passage id → when this page first showed it (ms since the epoch): the fresh-row highlight, and the moment the
  // browser test measures the monitor's delay from the ledger by (tr data-shown-at).
  let shown = new Map();

  function cell(row, value, cls) { const td = document.createElement('td'); td.appendChild(text(value)); if (cls) td.className = cls; row.appendChild(td); return td; }

  function renderPassages(passages) {
    const body = $('passages').tBodies[0];
    body.replaceChildren();
    const next = new Map();
    const now = Date.now();
    if (passages.length === 0) { const tr = body.insertRow(); const td = cell(tr, '今日暂无通行'); td.colSpan = 7; td.className = 'empty'; }
    for (const p of passages) {
      const tr = body.insertRow();
      const first = shown.get(p.passageId);
      tr.className = (p.outcome || 'pending') + (shown.size > 0 && first === undefined ? ' fresh' : '');
      tr.dataset.plate = p.plateNo; tr.dataset.passage = p.passageId; tr.dataset.shownAt = String(first ?? now);
      cell(tr, p.passTime); cell(tr, p.gateId + ' ' + p.laneId); cell(tr, directions[p.direction] || p.direction);
      cell(tr, p.plateNo, 'plate'); cell(tr, p.vehicleType); cell(tr, p.outcomeText || '判定中', 'outcome'); cell(tr, p.displayText, 'display');
      next.set(p.passageId, first ?? now);
    }
    shown = next;
  }

  function renderAlarms(alarms) {
    const body = $('alarms').tBodies[0];
    body.replaceChildren();
    if (alarms.length === 0) { const tr = body.insertRow(); const td = cell(tr, '今日无告警'); td.colSpan = 4; td.className = 'empty'; }
    for (const a of alarms) {
      const tr = body.insertRow();
      cell(tr, a.raisedAt); cell(tr, (severities[a.severity] || a.severity) + ' ' + a.title, 'sev-' + a.severity);
      cell(tr, a.subject || a.gateId); cell(tr, a.acknowledged ? '已确认' : '未确认');
    }
  }

  function renderDevices(devices) {
    const box = $('devices');
    box.replaceChildren();
    if (devices.length === 0) { const d = document.createElement('div'); d.className = 'empty'; d.appendChild(text('今日暂无设备读数')); box.appendChild(d); }
    for (const d of devices) {
      const div = document.createElement('div');
      div.className = 'device' + (d.online ? '' : ' offline');
      div.appendChild(text(d.deviceId)); div.appendChild(document.createElement('br'));
      div.appendChild(text(`${d.gateId} · ${d.online ? '在线' : '离线'} · 最后 ${d.lastSeen} · ${d.reads} 次`));
      box.appendChild(div);
    }
  }

  function renderCharts(s) {
    const hours = Array.from({ length: 24 }, (_, h) => s.hours.find((x) => x.hour === h) || { hour: h, entries: 0, exits: 0, denied: 0 });
    hoursChart.setOption({
      // The legend in its own strip above the plot (placed explicitly: it had drifted onto the x axis), the grid below it.
      backgroundColor: 'transparent', tooltip: { trigger: 'axis' }, legend: { data: ['进厂', '出厂', '拦截'], top: 0, right: 8 },
      grid: { left: 8, right: 12, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: hours.map((h) => h.hour + '时') }, yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '进厂', type: 'bar', data: hours.map((h) => h.entries), itemStyle: { color: '#3aa0ff' } },
        { name: '出厂', type: 'bar', data: hours.map((h) => h.exits), itemStyle: { color: '#7cc7a0' } },
        { name: '拦截', type: 'line', data: hours.map((h) => h.denied), itemStyle: { color: '#e5484d' } },
      ],
    });
    decisionsChart.setOption({
      backgroundColor: 'transparent', tooltip: { trigger: 'item' }, legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['38%', '62%'], center: ['50%', '46%'], label: { formatter: '{b} {c}' }, data: [
        { name: '放行', value: s.today.allowed, itemStyle: { color: '#2fb36b' } },
        { name: '拦截', value: s.today.denied, itemStyle: { color: '#e5484d' } },
        { name: '人工核验', value: s.today.manual, itemStyle: { color: '#f0a020' } },
      ] }],
    });
  }

  function render(s) {
    $('day').textContent = s.day; $('at').textContent = s.at;
    $('kpi-entries').textContent = s.today.entries; $('kpi-exits').textContent = s.today.exits;
    $('kpi-allowed').textContent = s.today.allowed; $('kpi-denied').textContent = s.today.denied;
    $('kpi-manual').textContent = s.today.manual; $('kpi-review').textContent = s.today.pendingReview;
    $('kpi-upload').textContent = percent(s.upload.transmissionRate); $('kpi-backlog').textContent = s.upload.backlog;
    renderPassages(s.passages); renderAlarms(s.alarms); renderDevices(s.devices); renderCharts(s);
    document.body.dataset.updated = s.at;
  }

  function connect() {
    const source = new EventSource('/cockpit/api/monitor/stream' + query);
    source.addEventListener('snapshot', (e) => { $('live').className = 'dot live'; $('status').textContent = '实时'; render(JSON.parse(e.data)); });
    source.onerror = () => { $('live').className = 'dot down'; $('status').textContent = '连接中断，正在重连…'; };
  }
  connect();
})();
