// 复核与积分：暂缓计分的答题及原因，放行或驳回（须填理由）；职工的积分明细；手动调整积分（须填理由）。
(function () {
  'use strict';
  var C = window.Console;
  var $ = C.$;
  var union = null;
  var worker = null;
  var adjustmentId = null; // 本次调整的编号：重复提交不会重复调整

  function decide(held, decision, input) {
    var reason = input.value.trim();
    if (!reason) {
      C.show('请先填写处理理由，理由会记入积分明细。');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    C.busy(decision === 'release' ? '正在放行…' : '正在驳回…', C.json('scoring', '/api/admin/review/' + held.attemptId + '/' + decision,
      { method: 'POST', json: { reason: reason } }))
      .then(function () {
        C.notice(decision === 'release' ? '已放行，积分已记入该职工的积分明细。' : '已驳回，该次答题不计分。');
        return Promise.all([heldList(), ledger(held.workerId)]);
      })
      .catch(C.fail);
  }

  function heldList() {
    return C.json('scoring', '/api/admin/review').then(function (held) {
      var shown = held.filter(function (h) { return !union || h.unionId === union; });
      C.fill($('held-table'), shown, function (h) {
        var input = C.el('input', { type: 'text', id: 'reason-' + h.attemptId, maxlength: '500', autocomplete: 'off' });
        var cell = C.el('div', { 'class': 'reason' }, [
          C.el('label', { 'for': 'reason-' + h.attemptId, text: '处理理由' }), input,
          C.el('button', { type: 'button', 'class': 'small', text: '放行', 'data-attempt': h.attemptId,
            onclick: function () { decide(h, 'release', input); } }), ' ',
          C.el('button', { type: 'button', 'class': 'secondary small', text: '驳回',
            onclick: function () { decide(h, 'reject', input); } })]);
        var who = C.el('button', { type: 'button', 'class': 'secondary small', text: C.shortId(h.workerId),
          'aria-label': '查看职工 ' + h.workerId + ' 的积分明细', onclick: function () { ledger(h.workerId).catch(C.fail); } });
        return [C.time(h.heldAt), who, C.unionName(h.unionId), h.reason, cell];
      }, '没有待复核的答题');
    });
  }

  function ledger(workerId) {
    worker = workerId;
    $('ledger-worker').value = workerId;
    return C.json('scoring', '/api/admin/points/' + encodeURIComponent(workerId)).then(function (points) {
      $('ledger').hidden = false;
      $('ledger-total').textContent = points.total;
      $('ledger-draws').textContent = points.drawsEarned;
      adjustmentId = adjustmentId || C.uuid();
      C.fill($('ledger-table'), points.entries.slice().reverse(), function (e) {
        return [C.time(e.bookedAt), e.kind === 'ATTEMPT' ? '答题' : '调整', (e.points > 0 ? '+' : '') + e.points, e.reason,
          e.totalAfter === null ? '' : e.totalAfter];
      }, '暂无积分记录');
    }, function (error) { $('ledger').hidden = true; throw error; });
  }

  function adjust(event) {
    event.preventDefault();
    var form = $('adjust-form');
    C.clearFieldErrors(form);
    C.show('');
    var points = $('adjust-points').value;
    C.busy('正在调整积分…', C.json('scoring', '/api/admin/adjustments', { method: 'POST', json: { adjustmentId: adjustmentId,
      workerId: worker, points: points === '' ? null : Number(points), reason: $('adjust-reason').value } }))
      .then(function () {
        C.notice('积分已调整，调整记录已记入积分明细。');
        form.reset();
        adjustmentId = C.uuid();
        return ledger(worker);
      })
      .catch(function (error) { C.showFieldErrors(form, error, { 'below-points-spent': 'points' }); });
  }

  function show(params) {
    union = C.union(params);
    if (params.get('worker')) { worker = params.get('worker'); }
    return C.busy('正在读取待复核的答题…', Promise.all([heldList(), worker ? ledger(worker) : null]));
  }

  $('ledger-form').addEventListener('submit', function (event) {
    event.preventDefault();
    adjustmentId = null;
    var id = $('ledger-worker').value.trim();
    if (!/^[0-9a-fA-F-]{36}$/.test(id)) { C.show('请填写完整的职工编号（36位，可在待复核列表或中奖名单中点击编号查看）。'); $('ledger-worker').focus(); return; }
    C.busy('正在读取积分明细…', ledger(id)).catch(C.fail);
  });
  $('adjust-form').addEventListener('submit', adjust);
  C.pages.review = { show: show };
})();
