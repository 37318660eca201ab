// Shows how each target value reads while it is typed (the same grammar as on save). The form works
// without this script; it only adds the live reading.
(function () {
  "use strict";
  const timers = new WeakMap();

  function rowOf(input) {
    return input.closest("tr");
  }

  async function show(input) {
    const row = rowOf(input);
    const reading = row.querySelector("[data-target-reading]");
    const name = row.querySelector("[data-indicator-name]");
    if (!reading) {
      return;
    }
    if (input.value.trim() === "") {
      reading.textContent = "";
      return;
    }
    const query = new URLSearchParams({ text: input.value, name: name ? name.value : "" });
    try {
      const response = await fetch("/api/targets/parse?" + query.toString(), { headers: { Accept: "application/json" } });
      if (response.ok) {
        const target = await response.json();
        reading.textContent = target.reading;
      }
    } catch (e) {
      reading.textContent = "";
    }
  }

  function schedule(input) {
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(() => show(input), 200));
  }

  document.querySelectorAll("[data-target-text]").forEach((input) => {
    input.addEventListener("input", () => schedule(input));
    show(input);
  });
  document.querySelectorAll("[data-indicator-name]").forEach((input) => {
    input.addEventListener("input", () => {
      const target = rowOf(input).querySelector("[data-target-text]");
      if (target) {
        schedule(target);
      }
    });
  });
})();
