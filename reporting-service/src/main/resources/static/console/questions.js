// 题库（省总）：按分类浏览，每题的正确率来自报表服务；导出 CSV/XLSX；导入先预览，确认后才替换题库。
(function () {
  'use strict';
  var C = window.Console;
  var $ = C.$;
  var TYPES = { SINGLE: '单选', MULTIPLE: '多选', TRUE_FALSE: '判断' };

  function list() {
    var category = $('question-category').value;
    return Promise.all([
      C.json('quiz', '/api/admin/questions' + (category ? '?category=' + category : '')),
      C.json('reporting', '/api/admin/progress?questions=true')
    ]).then(function (found) {
      var accuracy = {};
      (found[1].total.questions || []).forEach(function (q) { accuracy[q.id] = q; });
      $('question-summary').textContent = '题库版本 ' + found[0].version + '，本类 ' + found[0].questions.length + ' 题。';
      C.fill($('question-table'), found[0].questions, function (q) {
        var a = accuracy[q.id];
        return [q.id, C.CATEGORY[q.category] || q.category, TYPES[q.type] || q.type, q.stem, q.answer.join(''),
          a ? C.percent(a.accuracy) + '（' + a.answered + ' 次）' : '暂无作答'];
      }, '该分类下没有题目');
      $('question-table').querySelectorAll('tbody td:nth-child(4)').forEach(function (td) { td.className = 'text'; });
    });
  }

  var IMPORT = { file: 'question-file', result: 'question-result', apply: 'question-apply',
    path: function (file, mode) { return '/api/admin/questions/import?mode=' + mode + '&format=' + format(file); },
    type: function (file) { return format(file) === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv'; },
    summary: function (r) {
      return '共 ' + r.questions + ' 题：新增 ' + r.added.length + '，修改 ' + r.changed.length + '，不变 ' + r.unchanged.length +
        '，删除 ' + r.removed.length + '。' + (r.applied ? '题库版本 ' + r.version + '。' : '确认无误后请点“确认导入”。');
    } };

  function format(file) { return /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv'; }

  function show() {
    var select = $('question-category');
    if (!select.options.length) {
      select.appendChild(C.el('option', { value: '', text: '全部分类' }));
      Object.keys(C.CATEGORY).forEach(function (key) { select.appendChild(C.el('option', { value: key, text: C.CATEGORY[key] })); });
    }
    $('question-result').innerHTML = '';
    $('question-apply').hidden = true;
    return C.busy('正在读取题库…', list());
  }

  function exportBank(extension, label) {
    return function () { C.download('quiz', '/api/admin/questions/export?format=' + extension, '题库.' + extension, label).catch(C.fail); };
  }

  $('question-category').addEventListener('change', function () { C.busy('正在读取题库…', list()).catch(C.fail); });
  $('question-export-csv').addEventListener('click', exportBank('csv', '正在导出题库 CSV'));
  $('question-export-xlsx').addEventListener('click', exportBank('xlsx', '正在导出题库 Excel'));
  $('question-import').addEventListener('submit', function (event) { event.preventDefault(); C.previewImport(IMPORT); });
  $('question-apply').addEventListener('click', function () { C.applyImport(IMPORT, list); });
  C.pages.questions = { show: show, provinceOnly: true };
})();
