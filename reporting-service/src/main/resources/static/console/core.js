// 工作台公共部分：登录状态、按角色显示、调用各服务的管理接口（错误为 RFC 9457 问题说明）、进度提示、页面切换。
(function () {
  'use strict';
  var SESSION_KEY = 'netsec-console-session';
  var NAMES = { reporting: '报表服务', quiz: '答题服务', scoring: '积分服务', lottery: '抽奖服务' };
  // 出错时告诉工作人员下一步怎么做（服务给出的说明里已有“请……”时不再重复）
  var NEXT = { 0: '请检查网络连接后重试；如持续出现，请联系技术支持。', 400: '请按提示修改后重试。',
    401: '请重新登录。', 403: '如确需处理，请联系省总工会管理员。', 404: '请刷新页面后重试。',
    409: '请刷新页面查看最新状态。', 413: '请缩小文件后重新上传。', 415: '请上传 CSV 或 XLSX 文件。',
    422: '请按所列问题修改后重试。', 429: '请稍候片刻再试。', 503: '服务暂时繁忙或不可用，请稍后重试。' };
  var $ = function (id) { return document.getElementById(id); };
  var pending = 0;
  var C = window.Console = { $: $, pages: {}, services: { reporting: '' }, campaign: null };

  C.session = function () {
    try { return JSON.parse(sessionStorage.getItem(SESSION_KEY)); } catch (e) { return null; }
  };
  C.saveSession = function (session) { sessionStorage.setItem(SESSION_KEY, JSON.stringify(session)); };
  C.clearSession = function () { sessionStorage.removeItem(SESSION_KEY); C.campaign = null; };
  C.isProvince = function () { var s = C.session(); return !!s && s.role === 'PROVINCE_ADMIN'; };

  /** 当前查看的工会：地址里指定的，否则省总选中的（空为全部），否则工会管理员自己的。 */
  C.union = function (params) {
    if (params && params.get('union')) { return params.get('union'); }
    if (C.isProvince()) { return $('union-filter').value || null; }
    var s = C.session();
    return s ? s.unionId : null;
  };
  C.unionName = function (id) {
    var found = C.campaign && C.campaign.unions.filter(function (u) { return u.unionId === id; })[0];
    return found ? found.name : id || '';
  };

  C.show = function (text) { $('message').textContent = text || ''; $('message').hidden = !text; };
  C.notice = function (text) { $('notice').textContent = text || ''; $('notice').hidden = !text; };

  C.error = function (status, problem, retryAfter) {
    problem = problem || {};
    var text = problem.detail || problem.title || ('请求失败（' + status + '）');
    var next = NEXT[status] || (status >= 500 ? '服务出现问题，请稍后重试；如持续出现，请联系技术支持。' : '');
    if (retryAfter) { next = '请约 ' + retryAfter + ' 秒后重试。'; }
    if (next && text.indexOf('请') < 0) { text += ' ' + next; }
    var error = new Error(text);
    error.status = status;
    error.problem = problem;
    return error;
  };
  C.fail = function (error) { C.show(error.message); };

  function headers(extra) {
    var all = Object.assign({ Accept: 'application/json' }, extra || {});
    var s = C.session();
    if (s) { all.Authorization = 'Bearer ' + s.token; }
    return all;
  }

  function refused(status, problem, retryAfter) {
    if (status === 401 && C.session()) { C.signOut(); }
    return C.error(status, problem, retryAfter);
  }

  /** 调用某个服务的接口；失败时抛出带中文说明和下一步建议的错误。 */
  C.api = function (service, path, options) {
    options = options || {};
    var extra = Object.assign({}, options.headers || {});
    var body = options.body;
    if (options.json !== undefined) { extra['Content-Type'] = 'application/json'; body = JSON.stringify(options.json); }
    return fetch(C.services[service] + path, { method: options.method || 'GET', headers: headers(extra), body: body })
      .catch(function () { throw C.error(0, { detail: '无法连接' + NAMES[service] + '。' }); })
      .then(function (response) {
        if (response.ok) { return response; }
        return response.json().catch(function () { return {}; }).then(function (problem) {
          throw refused(response.status, problem, response.headers.get('Retry-After'));
        });
      });
  };
  C.json = function (service, path, options) {
    return C.api(service, path, options).then(function (r) { return r.status === 204 ? null : r.json(); });
  };

  /** 长操作的进度条：fraction 为 0–1，省略时为不确定进度。 */
  C.progress = function (fraction, label) {
    if (label) { $('busy-label').textContent = label; }
    if (fraction === undefined || fraction === null) { $('busy-bar').removeAttribute('value'); }
    else { $('busy-bar').value = fraction; }
  };
  C.busy = function (label, promise) {
    pending += 1;
    $('busy').hidden = false;
    C.progress(null, label);
    var done = function () { pending -= 1; if (pending === 0) { $('busy').hidden = true; } };
    return promise.then(function (value) { done(); return value; }, function (error) { done(); throw error; });
  };

  /** 上传文件（请求体即文件），显示上传进度，再等服务检查。 */
  C.upload = function (service, path, file, contentType, label) {
    return C.busy(label, new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', C.services[service] + path);
      var all = headers({ 'Content-Type': contentType });
      Object.keys(all).forEach(function (name) { xhr.setRequestHeader(name, all[name]); });
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) { C.progress(e.loaded / e.total, label + '：已上传 ' + Math.round(100 * e.loaded / e.total) + '%'); }
      };
      xhr.upload.onload = function () { C.progress(null, label + '：文件已上传，正在逐行检查…'); };
      xhr.onload = function () {
        var body;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
        if (xhr.status >= 200 && xhr.status < 300) { resolve(body); }
        else { reject(refused(xhr.status, body, xhr.getResponseHeader('Retry-After'))); }
      };
      xhr.onerror = function () { reject(C.error(0, { detail: '无法连接' + NAMES[service] + '，文件未上传。' })); };
      xhr.send(file);
    }));
  };

  function filenameOf(disposition, fallback) {
    var star = /filename\*=UTF-8''([^;]+)/i.exec(disposition || '');
    var plain = /filename="?([^";]+)"?/i.exec(disposition || '');
    return star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallback;
  }

  /** 下载导出文件，按已收到的字节显示进度。 */
  C.download = function (service, path, fallbackName, label) {
    return C.busy(label, C.api(service, path, { headers: { Accept: '*/*' } }).then(function (response) {
      var total = Number(response.headers.get('Content-Length')) || 0;
      var reader = response.body.getReader();
      var chunks = [];
      var received = 0;
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) { return null; }
          chunks.push(step.value);
          received += step.value.length;
          C.progress(total ? received / total : null, label + '：已下载 ' + Math.ceil(received / 1024) + ' KB');
          return pump();
        });
      }
      return pump().then(function () {
        var name = filenameOf(response.headers.get('Content-Disposition'), fallbackName);
        var link = C.el('a', { href: URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') || '' })), download: name });
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
        C.notice('已下载 ' + name + '（' + Math.ceil(received / 1024) + ' KB）');
        $('notice').dataset.bytes = String(received);
        return received;
      });
    }));
  };

  C.el = function (tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === 'text') { element.textContent = attributes[key]; }
      else if (key.indexOf('on') === 0) { element.addEventListener(key.slice(2), attributes[key]); }
      else { element.setAttribute(key, attributes[key]); }
    });
    (children || []).forEach(function (child) { element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); });
    return element;
  };

  /** 用 cells(item) 给出的单元格（文字或元素）重画表格；没有数据时显示一行说明。 */
  C.fill = function (table, items, cells, empty) {
    var body = table.querySelector('tbody');
    body.innerHTML = '';
    items.forEach(function (item) {
      body.appendChild(C.el('tr', {}, cells(item).map(function (cell) {
        return cell instanceof Node ? C.el('td', {}, [cell]) : C.el('td', { text: cell === null || cell === undefined ? '' : String(cell) });
      })));
    });
    if (!items.length) {
      body.appendChild(C.el('tr', {}, [C.el('td', { colspan: table.querySelectorAll('thead tr:last-child th').length, text: empty || '暂无数据' })]));
    }
    return body;
  };

  C.time = function (instant) { return instant ? new Date(instant).toLocaleString('zh-CN', { hour12: false }) : ''; };
  C.percent = function (rate) { return (Number(rate) * 100).toFixed(2) + '%'; };
  C.shortId = function (id) { return String(id).slice(0, 8) + '…'; };
  C.uuid = function () {
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  };

  /** 字段错误显示在字段旁边：服务的 errors[].field 对应表单里 name 相同的控件。 */
  C.clearFieldErrors = function (form) {
    form.querySelectorAll('.field-error').forEach(function (p) { p.hidden = true; p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (c) { c.removeAttribute('aria-invalid'); });
  };
  C.fieldError = function (form, field, message) {
    var control = form.querySelector('[name="' + field + '"]');
    var slot = control && $(control.getAttribute('aria-describedby'));
    if (!slot) { return false; }
    slot.textContent = message;
    slot.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    return true;
  };
  C.showFieldErrors = function (form, error, byCode) {
    var errors = (error.problem && error.problem.errors) || [];
    var placed = errors.filter(function (e) { return e.field && C.fieldError(form, e.field, e.message); }).length;
    var field = byCode && error.problem && byCode[error.problem.code];
    if (field && C.fieldError(form, field, error.message)) { placed += 1; }
    C.show(placed ? '有 ' + placed + ' 处需要修改，请查看标红的字段。' : error.message);
    var first = form.querySelector('[aria-invalid="true"]');
    if (first) { first.focus(); }
  };

  /** 文件问题逐行列出（errors: [{row, column, message}]）。 */
  C.problemList = function (errors) {
    return C.el('ul', { 'class': 'problems' }, errors.map(function (e) {
      return C.el('li', { text: (e.row ? '第' + e.row + '行' : '文件') + (e.column ? '（' + e.column + '）' : '') + '：' + e.message });
    }));
  };

  C.signOut = function () {
    C.clearSession();
    document.body.classList.remove('union-admin', 'province-admin');
    $('nav').hidden = true;
    location.hash = '';
    C.route();
  };

  C.route = function () {
    var hash = location.hash.replace(/^#/, '');
    var name = hash.split('?')[0] || 'progress';
    var params = new URLSearchParams(hash.split('?')[1] || '');
    var page = C.pages[name];
    var signedIn = !!C.session();
    var shown = !signedIn ? 'sign-in' : page && (!page.provinceOnly || C.isProvince()) ? name : 'forbidden';
    document.querySelectorAll('main > section').forEach(function (s) { s.hidden = s.id !== shown; });
    document.querySelectorAll('nav a[data-page]').forEach(function (a) {
      if (a.dataset.page === shown) { a.setAttribute('aria-current', 'page'); } else { a.removeAttribute('aria-current'); }
    });
    C.show('');
    C.notice('');
    if (signedIn && shown === name) {
      page.show(params).catch(C.fail);
    }
  };
})();
