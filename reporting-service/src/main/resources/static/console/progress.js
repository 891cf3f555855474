// 进度：分配表的实际数和完成率、每日趋势（本地绘制的 SVG）、报送截止后封存的报表及其哈希、导出 Excel/CSV。
(function () {
  'use strict';
  var C = window.Console;
  var $ = C.$;
  var CATEGORY = { PERSONAL_INFORMATION: '个人信息保护', CYBERSECURITY_LAW: '网络安全法', DATA_SECURITY_LAW: '数据安全法',
    CII_REGULATIONS: '关键信息基础设施安全保护条例', EVERYDAY: '日常网络安全常识' };
  C.CATEGORY = CATEGORY;
  var union = null;
  var campaign = null; // another campaign than the running one (#progress?campaign=…), e.g. last year's frozen report

  function query() {
    var parts = [];
    if (campaign) { parts.push('campaignId=' + encodeURIComponent(campaign)); }
    if (union) { parts.push('unionId=' + encodeURIComponent(union)); }
    return parts.length ? '?' + parts.join('&') : '';
  }

  function campaignQuery() { return campaign ? '?campaignId=' + encodeURIComponent(campaign) : ''; }

  function cell(row, text, className) {
    row.appendChild(C.el('td', className ? { text: String(text), 'class': className } : { text: String(text) }));
  }

  function table(report) {
    var body = $('table').querySelector('tbody');
    body.innerHTML = '';
    report.unions.concat([report.total]).forEach(function (row, index) {
      var total = index === report.unions.length;
      var tr = C.el('tr', total ? { 'class': 'total' } : {});
      tr.dataset.union = row.unionId || 'total';
      cell(tr, total ? '' : String(index + 1));
      cell(tr, row.name, 'name');
      cell(tr, row.targetOrganisations);
      cell(tr, row.organisationsActive);
      cell(tr, C.percent(row.organisationsRate), Number(row.organisationsRate) < 1 ? 'low' : '');
      cell(tr, row.targetWorkers);
      cell(tr, row.workersCovered);
      cell(tr, C.percent(row.workersRate), Number(row.workersRate) < 1 ? 'low' : '');
      cell(tr, row.offlineParticipants);
      body.appendChild(tr);
    });
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
    chart.appendChild(svg('line', { x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight, stroke: '#767676' }));
    chart.appendChild(svg('text', { x: 4, y: top + 10 }, String(maxWorkers)));
    chart.appendChild(svg('text', { x: width - right + 6, y: top + 10, fill: '#1f5a94' }, String(maxOrgs)));
    var points = [];
    days.forEach(function (day, i) {
      var barHeight = plotHeight * day.workers / maxWorkers;
      var x = left + i * step + step * 0.2;
      chart.appendChild(svg('rect', { x: x, y: top + plotHeight - barHeight, width: step * 0.6, height: barHeight,
        fill: '#b03a2e', 'class': 'bar', 'data-day': day.day, 'data-workers': day.workers }));
      chart.appendChild(svg('text', { x: x + step * 0.3, y: top + plotHeight - barHeight - 4, 'text-anchor': 'middle' },
        String(day.workers)));
      chart.appendChild(svg('text', { x: x + step * 0.3, y: height - 16, 'text-anchor': 'middle' },
        Number(day.day.slice(5, 7)) + '月' + Number(day.day.slice(8, 10)) + '日'));
      points.push((left + i * step + step / 2) + ',' + (top + plotHeight - plotHeight * day.organisationsActive / maxOrgs));
    });
    chart.appendChild(svg('polyline', { points: points.join(' '), fill: 'none', stroke: '#1f5a94', 'stroke-width': 2,
      'class': 'organisations' }));
  }

  function categories(total) {
    var list = $('categories');
    list.innerHTML = '';
    total.categories.forEach(function (category) {
      list.appendChild(C.el('li', { text: (CATEGORY[category.category] || category.category) + '：' +
        C.percent(category.accuracy) + '（作答 ' + category.answered + ' 题次）' }));
    });
    if (!total.categories.length) { list.appendChild(C.el('li', { text: '暂无答题数据' })); }
  }

  /** 报送截止后：封存的报表（含其 SHA-256），尚未封存时为 null。 */
  function frozenReport(live) {
    if (Date.now() < Date.parse(live.deadline)) { return Promise.resolve(null); }
    return C.api('reporting', '/api/admin/report' + query()).then(function (response) {
      return response.json().then(function (report) { report.sha256 = response.headers.get('X-Report-SHA256'); return report; });
    }, function (error) {
      if (error.status === 404) { return null; }
      throw error;
    });
  }

  /** 截止后的封存区：封存时间和哈希；省总可在未封存时立即封存，封存后核验。 */
  function frozenPanel(live, frozen) {
    $('frozen').hidden = Date.now() < Date.parse(live.deadline);
    $('verify-result').textContent = '';
    $('freeze').hidden = !!frozen;
    $('verify-report').hidden = !frozen;
    $('frozen-status').textContent = frozen ? '报表已封存，数据截至 ' + C.time(frozen.asOf) + '。下表和导出的 Excel/CSV 即为封存的数据。'
      : '报送已截止，报表尚未封存（系统会自动封存）。';
    $('frozen-hash').textContent = frozen ? frozen.sha256 : '—';
  }

  function show(params) {
    union = C.union(params);
    campaign = params.get('campaign');
    return C.busy('正在读取进度…', C.json('reporting', '/api/admin/progress' + query()).then(function (live) {
      return frozenReport(live).then(function (frozen) { return { live: live, frozen: frozen }; });
    })).then(function (found) {
      var report = found.frozen || found.live;
      if (!union && !campaign) { C.loadCampaign(found.live); }
      $('progress-title').textContent = (campaign ? report.campaignName + '：' : '') + '全省职工个人信息保护主题日宣传分配表（完成情况）';
      $('status').textContent = found.frozen ? '报表已封存，数据截至 ' + C.time(report.asOf)
        : '实时数据，更新于 ' + new Date().toLocaleString('zh-CN', { hour12: false });
      table(report);
      trend(report.total.days);
      categories(report.total);
      frozenPanel(found.live, found.frozen);
    });
  }

  function exportFile(extension, label) {
    return function () {
      C.download('reporting', '/api/admin/exports/progress.' + extension + query(), '宣传周进度.' + extension, label)
        .catch(C.fail);
    };
  }

  $('refresh').addEventListener('click', C.route);
  $('export-xlsx').addEventListener('click', exportFile('xlsx', '正在导出 Excel'));
  $('export-csv').addEventListener('click', exportFile('csv', '正在导出 CSV'));
  $('freeze').addEventListener('click', function () {
    C.busy('正在封存报表（统计全部数据，可能需要几分钟）…', C.json('reporting', '/api/admin/report/snapshot' + campaignQuery(), { method: 'POST' }))
      .then(function (s) { C.notice('报表已封存，SHA-256：' + s.sha256); C.route(); })
      .catch(C.fail);
  });
  $('verify-report').addEventListener('click', function () {
    C.busy('正在按原始数据重新统计并比对…', C.json('reporting', '/api/admin/report/snapshot/verification' + campaignQuery(), { method: 'POST' }))
      .then(function (v) {
        $('verify-result').textContent = v.identical ? '核验通过：重新统计的结果与封存报表完全一致。'
          : '核验未通过：重新统计的哈希为 ' + v.regeneratedSha256 + '，与封存的不一致，请联系技术支持。';
      })
      .catch(C.fail);
  });

  C.pages.progress = { show: show };
})();
