// 线下活动：列出本工会的活动，截止前新增和修改；服务指出的问题显示在对应字段旁边。
(function () {
  'use strict';
  var C = window.Console;
  var $ = C.$;
  var form = $('activity-form');
  var union = null;
  var editing = null;   // 正在修改的活动编号
  var requestId = null; // 本次新增的请求编号：重复提交不会重复记录
  // 服务按错误代码指出的问题，对应到字段
  var BY_CODE = { 'date-outside-window': 'date', 'unknown-organisation': 'orgId', 'organisation-of-other-union': 'orgId' };

  function organisations() {
    var select = $('activity-org');
    if (!union) {
      select.innerHTML = '';
      select.appendChild(C.el('option', { value: '', text: '请先在上方选择工会' }));
      return Promise.resolve();
    }
    return C.json('quiz', '/api/organisations?unionId=' + encodeURIComponent(union)).then(function (orgs) {
      select.innerHTML = '';
      select.appendChild(C.el('option', { value: '', text: '请选择' }));
      orgs.forEach(function (o) { select.appendChild(C.el('option', { value: o.id, text: o.name })); });
    });
  }

  function reset() {
    editing = null;
    requestId = C.uuid();
    form.reset();
    C.clearFieldErrors(form);
    $('activity-form-title').textContent = '新增线下活动';
    $('activity-cancel').hidden = true;
    if (C.campaign && C.campaign.days.length) {
      $('activity-date').min = C.campaign.days[0];
      $('activity-date').max = C.campaign.days[C.campaign.days.length - 1];
    }
  }

  function edit(activity) {
    reset();
    editing = activity.id;
    $('activity-form-title').textContent = '修改线下活动（' + activity.date + ' ' + activity.form + '）';
    $('activity-org').value = activity.orgId;
    $('activity-date').value = activity.date;
    $('activity-form-kind').value = activity.form;
    $('activity-participants').value = activity.participants;
    $('activity-description').value = activity.description;
    $('activity-cancel').hidden = false;
    $('activity-org').focus();
  }

  function list() {
    var query = union ? '?unionId=' + encodeURIComponent(union) : '';
    return C.json('reporting', '/api/admin/activities' + query).then(function (activities) {
      var open = !C.pastDeadline();
      C.fill($('activity-table'), activities, function (a) {
        var action = open ? C.el('button', { type: 'button', 'class': 'secondary small', text: '修改',
          'aria-label': '修改 ' + a.date + ' ' + (a.orgName || a.orgId) + ' 的活动', onclick: function () { edit(a); } }) : '已封存';
        return [a.date, a.orgName || a.orgId, a.form, a.participants, a.description, a.recordedBy, action];
      }, '还没有报送线下活动');
    });
  }

  function save(event) {
    event.preventDefault();
    C.clearFieldErrors(form);
    C.show('');
    var participants = $('activity-participants').value;
    var body = { orgId: $('activity-org').value || null, date: $('activity-date').value || null,
      form: $('activity-form-kind').value, participants: participants === '' ? null : Number(participants),
      description: $('activity-description').value };
    var request = editing ? C.json('reporting', '/api/admin/activities/' + editing, { method: 'PUT', json: body })
      : C.json('reporting', '/api/admin/activities', { method: 'POST',
        json: Object.assign({ requestId: requestId, unionId: union }, body) });
    C.busy('正在保存…', request)
      .then(function () {
        C.notice(editing ? '活动已修改。' : '活动已保存，已计入本工会的线下活动参与人次。');
        reset();
        return list();
      })
      .catch(function (error) { C.showFieldErrors(form, error, BY_CODE); });
  }

  function show(params) {
    union = C.union(params);
    var closed = C.pastDeadline();
    form.hidden = closed;
    $('activities-closed').hidden = !closed;
    reset();
    return C.busy('正在读取线下活动…', Promise.all([list(), closed ? null : organisations()]));
  }

  form.addEventListener('submit', save);
  $('activity-cancel').addEventListener('click', reset);
  C.pages.activities = { show: show };
})();
