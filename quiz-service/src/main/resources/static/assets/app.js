// The worker's page: sign in, answer today's paper, see points, draw. Plain JavaScript for old and new phones.
(function () {
  'use strict';

  var TYPE_NAMES = { SINGLE: '单选', MULTIPLE: '多选', TRUE_FALSE: '判断' };
  var state = { token: sessionStorage.getItem('netsec-token'), paper: null, balance: null, unions: {} };

  function $(id) { return document.getElementById(id); }
  function show(id, visible) { $(id).hidden = !visible; }

  function message(text) {
    $('message').textContent = text || '';
    show('message', !!text);
  }

  function key() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now() + '-' + Math.random().toString(16).slice(2);
  }

  // Every call returns the parsed body; a problem document becomes an error carrying its Chinese detail.
  function api(method, path, body, headers) {
    var init = { method: method, headers: headers || {} };
    if (state.token) { init.headers.Authorization = 'Bearer ' + state.token; }
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (!response.ok) {
          if (response.status === 401) { signOut(); }
          var error = new Error((data && (data.detail || data.title)) || ('请求失败（' + response.status + '）'));
          error.status = response.status;
          error.code = data && data.code;
          throw error;
        }
        return data;
      });
    }, function () { throw new Error('网络不给力，请稍后重试。'); });
  }

  function signOut() {
    state.token = null;
    sessionStorage.removeItem('netsec-token');
    ['balance', 'leaderboard', 'paper', 'result', 'register', 'my-data'].forEach(function (id) { show(id, false); });
    show('sign-in', true);
  }

  function loadCampaign() {
    return api('GET', '/api/campaign').then(function (campaign) {
      $('campaign-name').textContent = campaign.name;
      $('campaign-theme').textContent = campaign.theme;
      $('campaign-dates').textContent = '活动时间：' + campaign.startsOn + ' 至 ' + campaign.endsOn;
      showLesson(campaign.lesson);
      showBrochure(campaign.brochure);
      $('union').innerHTML = '';
      campaign.unions.forEach(function (union) {
        state.unions[union.id] = union.name;
        var option = document.createElement('option');
        option.value = union.id;
        option.textContent = union.name;
        $('union').appendChild(option);
      });
      return campaign;
    });
  }

  function sendCode() {
    $('code-button').disabled = true;
    api('POST', '/api/sessions/phone/code', { phone: $('phone').value.trim() }).then(function (sent) {
      message('');
      if (sent && sent.demoCode) {
        $('demo-code').textContent = '演示环境不发短信，验证码：' + sent.demoCode;
        show('demo-code', true);
        $('code').value = sent.demoCode;
      }
    }).catch(function (error) { message(error.message); })
      .then(function () { $('code-button').disabled = false; });
  }

  function showLesson(lesson) {
    if (!lesson) { return; }
    $('lesson-title').textContent = lesson.title;
    $('lesson-summary').textContent = lesson.summary;
    var video = $('lesson-video');
    video.innerHTML = '';
    if (lesson.videoUrl) {
      var link = document.createElement('a');
      link.href = lesson.videoUrl;
      link.textContent = '观看今日视频案例';
      video.appendChild(link);
    } else {
      video.textContent = '今日视频案例请在工会公众号观看。';
    }
    show('lesson', true);
  }

  function showBrochure(brochure) {
    if (!brochure) { return; }
    $('brochure-title').textContent = brochure.title;
    $('brochure-points').innerHTML = '';
    brochure.points.forEach(function (point) {
      var item = document.createElement('li');
      item.textContent = point;
      $('brochure-points').appendChild(item);
    });
    show('brochure', true);
  }

  function showPrizes() {
    return api('GET', '/api/draws').then(function (draws) {
      var won = draws.filter(function (draw) { return draw.status === 'PRIZE'; });
      var list = $('prizes');
      list.innerHTML = '';
      if (won.length === 0) {
        var none = document.createElement('li');
        none.className = 'hint';
        none.textContent = '还没有中奖记录';
        list.appendChild(none);
      }
      won.forEach(function (draw) {
        var item = document.createElement('li');
        item.textContent = draw.prizeName + '（第' + draw.drawNumber + '次抽奖）';
        if (draw.redemptionCode) {
          var code = document.createElement('div');
          code.className = 'redemption';
          var label = document.createElement('span');
          label.textContent = '兑奖码：';
          var value = document.createElement('strong');
          value.className = 'code';
          value.textContent = draw.redemptionCode;
          code.appendChild(label);
          code.appendChild(value);
          var hint = document.createElement('p');
          hint.className = 'hint';
          hint.textContent = '领奖时请向工会工作人员出示此兑奖码，请勿告诉他人。';
          item.appendChild(code);
          item.appendChild(hint);
        }
        list.appendChild(item);
      });
    });
  }

  function toggleFont() {
    var large = document.body.classList.toggle('large');
    $('font-button').setAttribute('aria-pressed', String(large));
    $('font-button').textContent = large ? '标准字' : '大字';
    localStorage.setItem('netsec-large-font', large ? '1' : '');
  }

  function signIn() {
    $('sign-in-button').disabled = true;
    api('POST', '/api/sessions/phone', { phone: $('phone').value.trim(), code: $('code').value.trim() })
      .then(signedIn)
      .catch(function (error) { message(error.message); })
      .then(function () { $('sign-in-button').disabled = false; });
  }

  // Coming from the union's WeChat account, the page is opened with WeChat's authorisation code.
  function weChatSignIn(code) {
    history.replaceState(null, '', location.pathname);
    return api('POST', '/api/sessions/wechat', { code: code }).then(signedIn);
  }

  function signedIn(session) {
    state.token = session.token;
    sessionStorage.setItem('netsec-token', session.token);
    show('sign-in', false);
    message('');
    return session.registered ? start() : showRegistration();
  }

  function showRegistration() {
    return api('GET', '/api/privacy-notice').then(function (notice) {
      state.noticeVersion = notice.version;
      $('notice-title').textContent = notice.title;
      $('notice-body').innerHTML = '';
      notice.sections.forEach(function (section) {
        var heading = document.createElement('h3');
        heading.textContent = section.heading;
        var text = document.createElement('p');
        text.textContent = section.text;
        $('notice-body').appendChild(heading);
        $('notice-body').appendChild(text);
      });
      show('register', true);
      return loadOrganisations();
    });
  }

  function loadOrganisations() {
    return api('GET', '/api/organisations?unionId=' + encodeURIComponent($('union').value)).then(function (orgs) {
      $('org').innerHTML = '';
      orgs.forEach(function (org) {
        var option = document.createElement('option');
        option.value = org.id;
        option.textContent = org.name;
        $('org').appendChild(option);
      });
    });
  }

  function register() {
    $('register-button').disabled = true;
    api('POST', '/api/registration', {
      unionId: $('union').value, orgId: $('org').value, name: $('name').value.trim(),
      consent: $('consent').checked, consentVersion: state.noticeVersion
    }).then(function () {
      show('register', false);
      message('');
      return start();
    }).catch(function (error) { message(error.message); })
      .then(function () { $('register-button').disabled = false; });
  }

  function start() {
    return api('GET', '/api/me').then(function (me) {
      if (!me.registered) { return showRegistration(); }
      refreshBalance();
      loadBoard('union');
      show('my-data', true);
      return api('GET', '/api/attempts/today').then(showResult, function (error) {
        if (error.status === 404) { return loadPaper(); }
        message(error.message);
      });
    });
  }

  function loadPaper() {
    return api('GET', '/api/papers/today').then(function (paper) {
      state.paper = paper;
      $('paper-title').textContent = paper.themeDay ? '今日答题（主题日：个人信息保护）' : '今日答题';
      var until = new Date(paper.expiresAt);
      $('paper-deadline').textContent = '请在 ' + until.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })
        + ' 前提交答案。';
      var list = $('questions');
      list.innerHTML = '';
      paper.questions.forEach(function (question) {
        var item = document.createElement('li');
        item.dataset.question = question.id;
        var stem = document.createElement('div');
        stem.className = 'stem';
        stem.innerHTML = '<span class="type"></span>';
        stem.firstChild.textContent = TYPE_NAMES[question.type];
        stem.appendChild(document.createTextNode(question.stem));
        item.appendChild(stem);
        question.options.forEach(function (option) {
          var label = document.createElement('label');
          label.className = 'option';
          var input = document.createElement('input');
          input.type = question.type === 'MULTIPLE' ? 'checkbox' : 'radio';
          input.name = question.id;
          input.value = option.key;
          label.appendChild(input);
          label.appendChild(document.createTextNode(option.text));
          item.appendChild(label);
        });
        list.appendChild(item);
      });
      state.submissionKey = key();
      show('paper', true);
    }).catch(function (error) { message(error.message); });
  }

  function submit() {
    var answers = {};
    var unanswered = 0;
    state.paper.questions.forEach(function (question) {
      var chosen = Array.prototype.slice.call(document.querySelectorAll('input[name="' + question.id + '"]:checked'))
        .map(function (input) { return input.value; });
      if (chosen.length === 0) { unanswered++; }
      answers[question.id] = chosen;
    });
    if (unanswered > 0 && !window.confirm('还有 ' + unanswered + ' 题没有作答，确定提交吗？')) { return; }
    $('submit-button').disabled = true;
    api('POST', '/api/attempts', { answers: answers }, { 'Idempotency-Key': state.submissionKey })
      .then(function (graded) {
        show('paper', false);
        showResult(graded);
        waitForPoints(graded.pointsEarned);
      })
      .catch(function (error) {
        message(error.message);
        if (error.code === 'attempt-already-taken') { show('paper', false); start(); }
      })
      .then(function () { $('submit-button').disabled = false; });
  }

  function showResult(graded) {
    $('score').textContent = '答对 ' + graded.correctCount + ' / ' + graded.questionCount + ' 题，获得 '
      + graded.pointsEarned + ' 分';
    var list = $('explanations');
    list.innerHTML = '';
    graded.results.forEach(function (result) {
      var item = document.createElement('li');
      var verdict = document.createElement('span');
      verdict.className = result.correct ? 'right' : 'wrong';
      verdict.textContent = result.correct ? '✔ 答对了' : '✘ 答错了，正确答案：' + result.answer.join('、');
      var explanation = document.createElement('p');
      explanation.className = 'explanation';
      explanation.textContent = result.explanation + '（依据：' + result.basis + '）';
      item.appendChild(verdict);
      item.appendChild(explanation);
      list.appendChild(item);
    });
    show('result', true);
  }

  function refreshBalance() {
    return api('GET', '/api/balance').then(function (balance) {
      state.balance = balance;
      $('points').textContent = balance.total;
      $('draws-available').textContent = balance.drawsAvailable;
      var toNext = balance.pointsPerDraw - (balance.total % balance.pointsPerDraw);
      $('next-draw').textContent = balance.pointsProcessing ? '积分结算中，请稍候……'
        : balance.drawsAvailable > 0 ? '你有抽奖机会，试试手气吧！'
        : '再得 ' + toNext + ' 分可抽奖一次';
      showPrizes();
      $('draw-button').disabled = balance.drawsAvailable === 0;
      show('balance', true);
      return balance;
    }).catch(function (error) { message(error.message); });
  }

  function boardLine(list, rank, who, value) {
    var item = document.createElement('li');
    [['rank', rank], ['who', who], ['value', value]].forEach(function (part) {
      var span = document.createElement('span');
      span.className = part[0];
      span.textContent = part[1];
      item.appendChild(span);
    });
    list.appendChild(item);
  }

  function loadBoard(scope) {
    state.boardScope = scope || state.boardScope || 'union';
    $('board-union').setAttribute('aria-pressed', String(state.boardScope === 'union'));
    $('board-province').setAttribute('aria-pressed', String(state.boardScope === 'province'));
    return api('GET', '/api/leaderboard?scope=' + state.boardScope).then(function (board) {
      var list = $('board-entries');
      list.innerHTML = '';
      if (board.entries.length === 0) { list.innerHTML = '<li class="hint">还没有人上榜，快来答题吧！</li>'; }
      board.entries.forEach(function (entry) {
        boardLine(list, entry.rank, entry.name + (board.scope === 'province' ? '（' + entry.union + '）' : ''),
          entry.points + ' 分');
      });
      $('board-me').textContent = board.me.rank ? '你在' + board.unionName + '排第 ' + board.me.rank + ' 名（' + board.me.points
        + ' 分）' + (board.me.shown ? '' : '，你已选择不在榜上显示') : '答题得分后即可上榜。';
      $('board-shown').checked = board.me.shown;
      var averages = $('board-union-averages');
      averages.innerHTML = '';
      board.unions.forEach(function (union, i) {
        boardLine(averages, i + 1, union.name, union.averagePoints + ' 分/人');
      });
      show('board-unions', board.unions.length > 0);
      show('leaderboard', true);
    }).catch(function (error) { message(error.message); });
  }

  function showData() {
    api('GET', '/api/me/data').then(function (data) {
      var list = $('data-list');
      list.innerHTML = '';
      var draws = data.draws.filter(function (d) { return d.status === 'PRIZE'; }).length;
      [['工会', data.unionId ? (state.unions[data.unionId] || data.unionId) : '未登记'],
        ['基层组织', data.orgName || '未登记'],
        ['姓名', data.name || '（未保存）'],
        ['手机号', data.phone || '（未保存）'],
        ['登录方式', [data.signInByPhone ? '手机号' : '', data.signInByWeChat ? '微信' : ''].filter(Boolean).join('、') || '无'],
        ['同意的说明版本', data.consentVersion || '（未同意或已撤回）'],
        ['登记时间', data.registeredAt ? new Date(data.registeredAt).toLocaleString('zh-CN') : '—'],
        ['答题记录', data.attempts.length + ' 次'],
        ['抽奖记录', data.draws.length + ' 次，中奖 ' + draws + ' 次'],
        ['排行榜显示', data.onLeaderboard ? '显示（姓名部分隐藏）' : '不显示'],
        ['编号', data.workerId]].forEach(function (pair) {
        var term = document.createElement('dt');
        term.textContent = pair[0];
        var value = document.createElement('dd');
        value.textContent = pair[1];
        list.appendChild(term);
        list.appendChild(value);
      });
      show('data-list', true);
    }).catch(function (error) { message(error.message); });
  }

  function erase() {
    if (!window.confirm('确定撤回同意并删除你的姓名和手机号吗？删除后未寄出的奖品将无法寄送。答题和抽奖记录以匿名编号保留用于统计。')) { return; }
    api('DELETE', '/api/me').then(function (result) {
      message(result.message);
      ['balance', 'leaderboard', 'paper', 'result', 'my-data'].forEach(function (id) { show(id, false); });
      show('data-list', false);
      start();
    }).catch(function (error) { message(error.message); });
  }

  function setShown() {
    api('PUT', '/api/me/leaderboard', { shown: $('board-shown').checked }).then(function () { loadBoard(); })
      .catch(function (error) { message(error.message); });
  }

  // How long to wait before looking again: the first few looks come quickly (the answer is usually there within a
  // few hundred milliseconds), then once a second, so a slow moment does not turn into a flood of requests.
  function pollDelay(tries) {
    return tries <= 3 ? 300 : 1000;
  }

  // Points are booked by another service a moment after grading: poll briefly until they show.
  function waitForPoints(earned) {
    var before = state.balance ? state.balance.total : 0;
    var tries = 0;
    (function poll() {
      refreshBalance().then(function (balance) {
        if (balance && !balance.pointsProcessing && balance.total >= before + earned) { loadBoard(); }
        if (balance && (balance.pointsProcessing || balance.total < before + earned)) {
          if (++tries < 30) {
            setTimeout(poll, pollDelay(tries));
          } else {
            $('next-draw').textContent = '积分仍在结算中；答题过快的试卷会经工会人工复核后计分，请稍后刷新查看。';
          }
        }
      });
    })();
  }

  function draw() {
    $('draw-button').disabled = true;
    $('draw-outcome').textContent = '抽奖中……';
    show('draw-outcome', true);
    api('POST', '/api/draws', { drawNumber: state.balance.drawsRequested + 1 }).then(function (requested) {
      waitForOutcome(requested.drawId, 0);
    }).catch(function (error) { $('draw-outcome').textContent = error.message; refreshBalance(); });
  }

  function waitForOutcome(drawId, tries) {
    api('GET', '/api/draws/' + drawId).then(function (result) {
      if (result.status === 'PENDING' && tries < 60) {
        setTimeout(function () { waitForOutcome(drawId, tries + 1); }, pollDelay(tries + 1));
        return;
      }
      $('draw-outcome').textContent = result.status === 'PRIZE' ? '🎉 恭喜你抽中：' + result.prizeName
        : result.status === 'NO_PRIZE' ? '谢谢参与，再接再厉！'
        : result.status === 'REJECTED' && result.reason === 'prize-cap-reached' ? '每人最多获得1份奖品，你已经中过奖了，感谢参与！'
        : result.status === 'REJECTED' ? '本次抽奖未能进行，请稍后再试。' : '结果稍后揭晓，请刷新查看。';
      refreshBalance();
    }).catch(function (error) { $('draw-outcome').textContent = error.message; });
  }

  $('font-button').addEventListener('click', toggleFont);
  if (localStorage.getItem('netsec-large-font')) { toggleFont(); }
  $('code-button').addEventListener('click', sendCode);
  $('sign-in-button').addEventListener('click', signIn);
  $('register-button').addEventListener('click', register);
  $('union').addEventListener('change', loadOrganisations);
  $('submit-button').addEventListener('click', submit);
  $('draw-button').addEventListener('click', draw);
  $('board-union').addEventListener('click', function () { loadBoard('union'); });
  $('board-province').addEventListener('click', function () { loadBoard('province'); });
  $('board-shown').addEventListener('change', setShown);
  $('data-button').addEventListener('click', showData);
  $('erase-button').addEventListener('click', erase);

  var weChatCode = new URLSearchParams(location.search).get('code');
  loadCampaign().then(function () {
    if (weChatCode) { return weChatSignIn(weChatCode); }
    if (state.token) { return start(); }
    show('sign-in', true);
  }).catch(function (error) { message(error.message); show('sign-in', !state.token); });
})();
