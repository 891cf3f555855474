// 基层组织名录：按工会查看；从 CSV 导入时先预览新增和修改的组织，文件有问题时逐行列出，确认后才保存。
(function () {
  'use strict';
  var C = window.Console;
  var $ = C.$;
  var union = null;

  function directory() {
    $('org-union-title').textContent = union ? C.unionName(union) + '的名录' : '名录';
    if (!union) {
      C.fill($('org-table'), [], null, '请先在上方选择工会');
      return Promise.resolve();
    }
    return C.json('quiz', '/api/organisations?unionId=' + encodeURIComponent(union)).then(function (orgs) {
      C.fill($('org-table'), orgs, function (o) { return [o.id, o.name]; }, '该工会的名录为空');
    });
  }

  C.previewImport = function (options) {
    var file = $(options.file).files[0];
    var result = $(options.result);
    result.innerHTML = '';
    $(options.apply).hidden = true;
    C.show('');
    if (!file) { C.show('请先选择要导入的文件。'); $(options.file).focus(); return; }
    C.upload('quiz', options.path(file, 'preview'), file, options.type(file), '正在上传并预览 ' + file.name)
      .then(function (preview) {
        if (preview.valid === false) { throw C.error(422, { detail: '文件有 ' + preview.errors.length + ' 处问题，未导入任何内容。', errors: preview.errors }); }
        result.appendChild(C.el('p', { id: options.result + '-summary', text: options.summary(preview) }));
        $(options.apply).hidden = false;
        $(options.apply).focus();
      })
      .catch(function (error) {
        var errors = (error.problem && error.problem.errors) || [];
        C.show(error.message);
        if (errors.length) { result.appendChild(C.problemList(errors)); }
      });
  };

  C.applyImport = function (options, done) {
    var file = $(options.file).files[0];
    $(options.apply).hidden = true;
    C.upload('quiz', options.path(file, 'apply'), file, options.type(file), '正在导入 ' + file.name)
      .then(function (applied) {
        $(options.result).innerHTML = '';
        C.notice('已导入：' + options.summary(applied));
        $(options.file).value = '';
        return done();
      })
      .catch(function (error) {
        C.show(error.message);
        if (error.problem && error.problem.errors) { $(options.result).appendChild(C.problemList(error.problem.errors)); }
      });
  };

  var IMPORT = { file: 'org-file', result: 'org-result', apply: 'org-apply',
    path: function (file, mode) { return '/api/admin/organisations/import?mode=' + mode; },
    type: function () { return 'text/csv'; },
    summary: function (r) {
      return '共 ' + r.rows + ' 行：新增 ' + r.added.length + ' 个' + (r.added.length ? '（' + r.added.join('、') + '）' : '') +
        '，修改 ' + r.changed.length + ' 个' + (r.changed.length ? '（' + r.changed.join('、') + '）' : '') +
        '，其余不变。' + (r.applied ? '' : '确认无误后请点“确认导入”。');
    } };

  function show(params) {
    union = C.union(params);
    $('org-result').innerHTML = '';
    $('org-apply').hidden = true;
    return C.busy('正在读取名录…', directory());
  }

  $('org-import').addEventListener('submit', function (event) { event.preventDefault(); C.previewImport(IMPORT); });
  $('org-apply').addEventListener('click', function () { C.applyImport(IMPORT, directory); });
  C.pages.organisations = { show: show };
})();
