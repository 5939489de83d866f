// Tern: the copy button of the result page. Everything works without this file.
(function () {
  var button = document.getElementById('copy');
  var field = document.getElementById('short-url');
  var status = document.getElementById('copy-status');
  if (!button || !field) {
    return;
  }
  function copied() {
    if (status) {
      status.textContent = button.getAttribute('data-copied');
    }
  }
  function fallback() {
    field.focus();
    field.select();
    try {
      if (document.execCommand('copy')) {
        copied();
      }
    } catch (e) {
      // Selected: the visitor can still copy by hand.
    }
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(copied, fallback);
    } else {
      fallback();
    }
  });
  field.addEventListener('focus', function () {
    field.select();
  });
})();
