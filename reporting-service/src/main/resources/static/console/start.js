// 工作台启动：读取各服务地址，登录、退出，按角色显示菜单，报送截止倒计时。
(function () {
  'use strict';
  var C = window.Console;
  var $ = C.$;

  /** 活动名称、截止时间和可见的工会，来自报表服务的实时进度。 */
  C.loadCampaign = function (report) {
    var loaded = report ? Promise.resolve(report) : C.json('reporting', '/api/admin/progress');
    return loaded.then(function (r) {
      C.campaign = { id: r.campaignId, name: r.campaignName, deadline: r.deadline, frozen: r.frozen,
        unions: r.unions, days: r.total.days.map(function (d) { return d.day; }) };
      $('campaign-name').textContent = r.campaignName + ' · 工作台';
      $('deadline').textContent = '报送截止：' + r.deadline.replace('T', ' ').replace('+08:00', '（北京时间）');
      var filter = $('union-filter');
      if (filter.options.length === 1) {
        r.unions.forEach(function (u) { filter.appendChild(C.el('option', { value: u.unionId, text: u.name })); });
      }
      countdown();
      return C.campaign;
    });
  };
  C.pastDeadline = function () { return !!C.campaign && (C.campaign.frozen || Date.now() >= Date.parse(C.campaign.deadline)); };

  function countdown() {
    if (!C.campaign) { $('countdown').textContent = ''; return; }
    var left = Date.parse(C.campaign.deadline) - Date.now();
    if (left <= 0) { $('countdown').textContent = C.campaign.frozen ? '报送已截止，报表已封存' : '报送已截止，报表即将封存'; return; }
    var minutes = Math.floor(left / 60000);
    $('countdown').textContent = '距报送截止还有 ' + Math.floor(minutes / 1440) + ' 天 ' + Math.floor(minutes % 1440 / 60) +
      ' 小时 ' + minutes % 60 + ' 分';
  }

  function signedIn(session) {
    document.body.classList.toggle('union-admin', session.role !== 'PROVINCE_ADMIN');
    document.body.classList.toggle('province-admin', session.role === 'PROVINCE_ADMIN');
    $('who').textContent = session.role === 'PROVINCE_ADMIN' ? '省总工会管理员（' + session.username + '）'
      : (C.unionName(session.unionId) || session.unionId) + '工会管理员（' + session.username + '）';
    $('nav').hidden = false;
  }

  function signIn(event) {
    event.preventDefault();
    C.show('');
    var username = $('username').value.trim();
    C.busy('正在登录…', C.json('reporting', '/api/sessions', { method: 'POST',
      json: { username: username, password: $('password').value } }))
      .then(function (session) {
        C.saveSession({ token: session.token, role: session.role, unionId: session.unionId, username: username,
          expiresAt: session.expiresAt });
        $('password').value = '';
        return C.loadCampaign();
      })
      .then(function () {
        signedIn(C.session());
        if (location.hash && location.hash !== '#') { C.route(); } else { location.hash = '#progress'; }
      })
      .catch(C.fail);
  }

  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', C.signOut);
  $('union-filter').addEventListener('change', C.route);
  window.addEventListener('hashchange', function () {
    C.route();
    var shown = document.querySelector('main > section:not([hidden]) h2');
    if (shown) { shown.focus(); }
  });
  setInterval(countdown, 30000);

  C.busy('正在读取工作台设置…', C.json('reporting', '/api/console'))
    .then(function (settings) {
      C.services.quiz = settings.quizUrl;
      C.services.scoring = settings.scoringUrl;
      C.services.lottery = settings.lotteryUrl;
      var session = C.session();
      if (!session) { C.route(); return null; }
      return C.loadCampaign().then(function () { signedIn(C.session()); C.route(); });
    })
    .catch(function (error) { C.route(); C.fail(error); });
})();
