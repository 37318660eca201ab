// Long work says so: a form marked data-progress shows its message and disables its buttons once sent,
// so a large upload is not sent twice and the user knows it is being read. The forms work without it.
(function () {
  "use strict";
  document.querySelectorAll("form[data-progress]").forEach(function (form) {
    form.addEventListener("submit", function () {
      const status = form.querySelector("[role=status]");
      if (status) {
        status.textContent = form.getAttribute("data-progress");
        status.hidden = false;
      }
      window.setTimeout(function () {
        form.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
      }, 0);
    });
  });
})();
