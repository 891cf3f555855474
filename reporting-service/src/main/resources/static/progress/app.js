// 宣传周进度页：登录（POST /api/sessions），读取实时进度（GET /api/admin/progress），画表格和每日趋势图（SVG，不用任何外部库）。
(function () {
  'use strict';
  var TOKEN_KEY = 'netsec-reporting-token';
  var CATEGORY = { PERSONAL_INFORMATION: '个人信息保护', CYBERSECURITY_LAW: '网络安全法', DATA_SECURITY_LAW: '数据安全法',
    CII_REGULATIONS: '关键信息基础设施安全保护条例', EVERYDAY: '日常网络安全常识' };
  var $ = function (id) { return document.getElementById(id); };

  function show(message) {
    $('message').textContent = message || '';
    $('message').hidden = !message;
  }

  function percent(rate) { return (Number(rate) * 100).toFixed(2) + '%'; }

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function api(path, options) {
    options = options || {};
    options.headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
    if (token()) { options.headers.Authorization = 'Bearer ' + token(); }
    return fetch(path, options).then(function (response) {
      if (response.status === 401) { signOut(); throw new Error('登录已失效，请重新登录。'); }
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          throw new Error(problem.detail || problem.title || ('请求失败（' + response.status + '）'));
        });
      }
      return response;
    });
  }

  function signIn(event) {
    event.preventDefault();
    show('');
    fetch('/api/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value }) })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) { throw new Error(body.detail || body.title || '登录失败'); }
          return body;
        });
      })
      .then(function (session) {
        sessionStorage.setItem(TOKEN_KEY, session.token);
        sessionStorage.setItem(TOKEN_KEY + '-who', session.unionId ? '工会管理员（' + session.unionId + '）' : '省总工会管理员');
        load();
      })
      .catch(function (error) { show(error.message); });
  }

  function signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
    $('progress').hidden = true;
    $('sign-in').hidden = false;
  }

  function load() {
    $('sign-in').hidden = true;
    $('progress').hidden = false;
    $('who').textContent = sessionStorage.getItem(TOKEN_KEY + '-who') || '';
    api('/api/admin/progress').then(function (r) { return r.json(); }).then(render).catch(function (error) { show(error.message); });
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) { td.className = className; }
    row.appendChild(td);
  }

  function render(report) {
    show('');
    $('campaign-name').textContent = report.campaignName + ' · 完成情况';
    $('deadline').textContent = '报送截止：' + report.deadline.replace('T', ' ').replace('+08:00', '（北京时间）');
    $('status').textContent = report.frozen ? '报表已封存，数据截至 ' + report.asOf : '实时数据，更新于 ' + new Date().toLocaleString('zh-CN');
    var body = $('table').querySelector('tbody');
    body.innerHTML = '';
    report.unions.concat([report.total]).forEach(function (row, index) {
      var tr = document.createElement('tr');
      var total = index === report.unions.length;
      if (total) { tr.className = 'total'; }
      tr.dataset.union = row.unionId || 'total';
      cell(tr, total ? '' : String(index + 1));
      cell(tr, row.name, 'name');
      cell(tr, row.targetOrganisations);
      cell(tr, row.organisationsActive);
      cell(tr, percent(row.organisationsRate), Number(row.organisationsRate) < 1 ? 'low' : '');
      cell(tr, row.targetWorkers);
      cell(tr, row.workersCovered);
      cell(tr, percent(row.workersRate), Number(row.workersRate) < 1 ? 'low' : '');
      cell(tr, row.offlineParticipants);
      body.appendChild(tr);
    });
    trend(report.total.days);
    var list = $('categories');
    list.innerHTML = '';
    report.total.categories.forEach(function (category) {
      var li = document.createElement('li');
      li.textContent = (CATEGORY[category.category] || category.category) + '：' + percent(category.accuracy) +
        '（作答 ' + category.answered + ' 题次）';
      list.appendChild(li);
    });
    if (!report.total.categories.length) {
      var none = document.createElement('li');
      none.textContent = '暂无答题数据';
      list.appendChild(none);
    }
  }

  function svg(name, attributes, text) {
    var element = document.createElementNS('http://www.w3.org/2000/svg', name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    if (text !== undefined) { element.textContent = text; }
    return element;
  }

  // 柱状图：每日答题职工；折线：每日开展活动的基层组织（右侧刻度）
  function trend(days) {
    var chart = $('trend');
    while (chart.firstChild) { chart.removeChild(chart.firstChild); }
    var width = 640, height = 260, left = 48, right = 48, top = 16, bottom = 40;
    var plotWidth = width - left - right, plotHeight = height - top - bottom;
    var maxWorkers = Math.max(1, Math.max.apply(null, days.map(function (d) { return d.workers; })));
    var maxOrgs = Math.max(1, Math.max.apply(null, days.map(function (d) { return d.organisationsActive; })));
    var step = plotWidth / Math.max(1, days.length);
    chart.appendChild(svg('line', { x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight, stroke: '#999' }));
    chart.appendChild(svg('text', { x: 4, y: top + 10 }, String(maxWorkers)));
    chart.appendChild(svg('text', { x: width - right + 6, y: top + 10, fill: '#2e6da4' }, String(maxOrgs)));
    var points = [];
    days.forEach(function (day, i) {
      var barHeight = plotHeight * day.workers / maxWorkers;
      var x = left + i * step + step * 0.2;
      chart.appendChild(svg('rect', { x: x, y: top + plotHeight - barHeight, width: step * 0.6, height: barHeight,
        fill: '#c0392b', 'class': 'bar', 'data-day': day.day, 'data-workers': day.workers }));
      chart.appendChild(svg('text', { x: x + step * 0.3, y: top + plotHeight - barHeight - 4, 'text-anchor': 'middle' },
        String(day.workers)));
      chart.appendChild(svg('text', { x: x + step * 0.3, y: height - 16, 'text-anchor': 'middle' },
        Number(day.day.slice(5, 7)) + '月' + Number(day.day.slice(8, 10)) + '日'));
      points.push((left + i * step + step / 2) + ',' + (top + plotHeight - plotHeight * day.organisationsActive / maxOrgs));
    });
    chart.appendChild(svg('polyline', { points: points.join(' '), fill: 'none', stroke: '#2e6da4', 'stroke-width': 2,
      'class': 'organisations' }));
  }

  function exportXlsx() {
    api('/api/admin/exports/progress.xlsx').then(function (r) { return r.blob(); }).then(function (blob) {
      var link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = '宣传周进度.xlsx';
      link.click();
      URL.revokeObjectURL(link.href);
    }).catch(function (error) { show(error.message); });
  }

  $('sign-in-form').addEventListener('submit', signIn);
  $('refresh').addEventListener('click', load);
  $('sign-out').addEventListener('click', signOut);
  $('export-xlsx').addEventListener('click', exportXlsx);
  if (token()) { load(); }
}());
