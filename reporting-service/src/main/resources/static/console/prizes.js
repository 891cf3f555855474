// 奖品与中奖：奖品库存（总数、截至今日投放、今日可抽、剩余）、公平性承诺（种子哈希）及活动结束后的核验结果、
// 中奖名单（只显示职工编号）和发放登记；含联系方式的寄送名单须填写用途，每次查看都由答题服务记录。
(function () {
  'use strict';
  var C = window.Console;
  var $ = C.$;
  var union = null;
  var page = 0;
  var SIZE = 50;

  function pool() {
    return C.json('lottery', '/api/admin/prizes').then(function (p) {
      $('pool-status').textContent = '活动第 ' + p.today + ' 天（共 ' + p.days + ' 天），' +
        (p.release === 'DAILY' ? '奖品逐日投放，未抽出的顺延' : '奖品一次投放') + '；' + (p.drawsBegun ? '已开始抽奖，奖池不能再修改。' : '尚未开始抽奖。');
      C.fill($('pool-table'), p.prizes, function (prize) {
        return [prize.name, prize.value === null ? '' : Number(prize.value).toFixed(2), prize.quantity, prize.released, prize.won,
          prize.available, prize.stockLeft];
      }, '奖池中没有奖品');
      return p.campaignId;
    });
  }

  function fairness(campaignId) {
    return C.json('lottery', '/api/fairness/' + encodeURIComponent(campaignId)).then(function (c) {
      $('seed-commitment').textContent = c.seedCommitment;
      if (!c.seed) {
        $('seed-status').textContent = '种子将于 ' + C.time(c.revealsAt) + '（活动结束）公布，届时任何人都可以复算每一次抽奖。';
        $('verification').textContent = '';
        return null;
      }
      $('seed-status').textContent = '种子已公布：' + c.seed;
      return C.json('lottery', '/api/fairness/' + encodeURIComponent(campaignId) + '/verification').then(function (v) {
        var problems = v.mismatches.length;
        $('verification').textContent = v.passed ? '核验结果：全部 ' + v.draws + ' 次抽奖均可由公布的种子复算，结果一致。'
          : '核验结果：有 ' + problems + ' 次抽奖与复算结果不一致，请立即联系技术支持。';
      });
    });
  }

  function deliver(winner) {
    C.busy('正在登记发放…', C.json('lottery', '/api/admin/winners/' + winner.drawId + '/delivery', { method: 'POST', json: {} }))
      .then(function () { C.notice('已标记为已发放：' + winner.prizeName + '（职工 ' + C.shortId(winner.workerId) + '）'); return winners(); })
      .catch(C.fail);
  }

  function winners() {
    var query = '?page=' + page + '&size=' + SIZE + (union ? '&unionId=' + encodeURIComponent(union) : '');
    return C.json('lottery', '/api/admin/winners' + query).then(function (p) {
      C.fill($('winner-table'), p.winners, function (w) {
        var delivered = w.delivery ? '已发放（' + C.time(w.delivery.deliveredAt) + '，' + w.delivery.deliveredBy + '）' : '未发放';
        var action = w.delivery ? '—' : C.el('button', { type: 'button', 'class': 'small', text: '标记已发放', 'data-draw': w.drawId,
          'aria-label': '将 ' + w.prizeName + '（职工 ' + C.shortId(w.workerId) + '）标记为已发放', onclick: function () { deliver(w); } });
        return [C.time(w.wonAt), C.shortId(w.workerId), C.unionName(w.unionId), w.prizeName, delivered, action];
      }, '暂无中奖记录');
      var pages = Math.max(1, Math.ceil(p.total / SIZE));
      $('winner-pages').textContent = '共 ' + p.total + ' 条，第 ' + (page + 1) + ' / ' + pages + ' 页';
    });
  }

  function deliveries(event) {
    event.preventDefault();
    var purpose = $('delivery-purpose').value.trim();
    if (!purpose) { C.show('请填写查看用途（例如“寄送奖品”），该用途将被记录。'); $('delivery-purpose').focus(); return; }
    var query = '?purpose=' + encodeURIComponent(purpose) + (union && C.isProvince() ? '&unionId=' + encodeURIComponent(union) : '');
    C.busy('正在读取寄送名单…', C.json('quiz', '/api/admin/deliveries' + query)).then(function (list) {
      $('delivery-table').hidden = false;
      $('delivery-note').hidden = false;
      $('delivery-note').textContent = '本次查看（' + list.length + ' 人，用途：' + purpose + '）已记录。联系方式仅用于寄送奖品，请勿转发或留存。';
      C.fill($('delivery-table'), list, function (w) { return [w.prizeName, C.time(w.wonAt), w.name, w.phone, w.orgId]; }, '暂无需要寄送的奖品');
    }).catch(C.fail);
  }

  function accessRecord() {
    C.busy('正在读取查阅记录…', C.json('quiz', '/api/admin/contact-access')).then(function (list) {
      $('access-table').hidden = false;
      C.fill($('access-table'), list, function (a) {
        return [C.time(a.accessedAt), a.admin, a.unionId ? C.unionName(a.unionId) : '全部工会', a.people, a.purpose];
      }, '暂无查阅记录');
    }).catch(C.fail);
  }

  function show(params) {
    union = C.union(params);
    page = 0;
    $('delivery-table').hidden = true;
    $('delivery-note').hidden = true;
    $('access-table').hidden = true;
    return C.busy('正在读取奖品和中奖名单…', Promise.all([pool().then(fairness), winners()]));
  }

  $('redeem-form').addEventListener('submit', function (event) {
    event.preventDefault();
    if (!$('redeem-code').value.trim()) { C.show('请填写领奖人出示的兑奖码（10位）。'); $('redeem-code').focus(); return; }
    C.busy('正在核销兑奖码…', C.json('lottery', '/api/admin/redemptions', { method: 'POST', json: { code: $('redeem-code').value } }))
      .then(function (w) { C.notice('兑奖码有效，已标记为已发放：' + w.prizeName); $('redeem-code').value = ''; return winners(); })
      .catch(C.fail);
  });
  $('delivery-form').addEventListener('submit', deliveries);
  $('access-button').addEventListener('click', accessRecord);
  C.pages.prizes = { show: show };
})();
