// Voortgang's small behaviours on top of htmx. No inline script anywhere (strict CSP).
(function () {
  "use strict";

  // Forms that autosave: remember which have typing not yet confirmed by the server.
  const dirty = new Set();

  // Each keystroke bumps the form's edit count; a save only clears the form when no
  // typing happened after that save was sent.
  document.addEventListener("input", function (event) {
    const form = event.target.closest("form[data-autosave]");
    if (!form) return;
    form.dataset.edits = String(Number(form.dataset.edits || 0) + 1);
    dirty.add(form);
  });

  function autosaveForm(event) {
    const elt = event.detail.elt;
    return elt && elt.closest ? elt.closest("form[data-autosave]") : null;
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    const form = autosaveForm(event);
    if (form) event.detail.requestConfig.editsSent = form.dataset.edits || "0";
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    const form = autosaveForm(event);
    if (!form || !event.detail.successful) return;
    if (event.detail.requestConfig.editsSent === (form.dataset.edits || "0")) dirty.delete(form);
    hideProblem();
  });

  // Save unsaved typing now, before something takes the page away.
  function flush() {
    const pending = Array.from(dirty).filter(function (form) { return form.isConnected; });
    return Promise.all(pending.map(function (form) {
      return fetch(form.action, { method: "POST", body: new FormData(form),
                                  headers: { "HX-Request": "true" }, credentials: "same-origin" })
        .then(function (response) { if (response.ok) dirty.delete(form); });
    }));
  }

  // Reload, close or navigate away: the browser still delivers a beacon.
  window.addEventListener("pagehide", function () {
    dirty.forEach(function (form) {
      if (form.isConnected) navigator.sendBeacon(form.action, new FormData(form));
    });
    dirty.clear();
  });

  // Fields that are not autosaved (a half-typed new agreement, a new person) are
  // carried over a language switch in sessionStorage and put back after the reload.
  const CARRY_KEY = "voortgang:carry";

  function carryUnsavedFields() {
    const values = {};
    document.querySelectorAll("form:not([data-autosave]):not([data-language-switch])")
      .forEach(function (form) {
        Array.from(form.elements).forEach(function (field) {
          if (!field.id || field.type === "hidden" || field.type === "submit") return;
          if (field.value !== field.defaultValue || field.matches("select")) {
            values[field.id] = field.value;
          }
        });
      });
    try {
      sessionStorage.setItem(CARRY_KEY, JSON.stringify({ path: window.location.pathname,
                                                         values: values }));
    } catch (error) { /* storage full or disabled: nothing to carry */ }
  }

  function restoreCarriedFields() {
    let carried = null;
    try {
      carried = JSON.parse(sessionStorage.getItem(CARRY_KEY) || "null");
      sessionStorage.removeItem(CARRY_KEY);
    } catch (error) { return; }
    if (!carried || carried.path !== window.location.pathname) return;
    Object.keys(carried.values).forEach(function (id) {
      const field = document.getElementById(id);
      if (field && field.form && !field.form.matches("[data-autosave]")) {
        field.value = carried.values[id];
      }
    });
  }
  restoreCarriedFields();

  // Switching language reloads the page: save first, then come back to the same URL.
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!form.matches("[data-language-switch]")) return;
    form.elements.next.value = window.location.pathname + window.location.search;
    carryUnsavedFields();
    if (dirty.size === 0) return;
    event.preventDefault();
    const button = event.submitter;
    flush().finally(function () {
      dirty.clear();
      form.requestSubmit(button);
    });
  });

  // After htmx swaps in another phase, move focus to its heading for screen readers.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id !== "conversation") return;
    const heading = document.getElementById("phase-title");
    if (heading) {
      heading.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  });

  const problem = document.getElementById("connection-status");

  function showProblem(text) {
    if (!problem) return;
    problem.textContent = text;
    problem.hidden = false;
  }

  function hideProblem() {
    if (problem) problem.hidden = true;
  }

  document.addEventListener("htmx:responseError", function (event) {
    const status = event.detail.xhr.status;
    showProblem(status === 400 ? problem.dataset.expired : problem.dataset.error);
  });
  document.addEventListener("htmx:sendError", function () {
    showProblem(problem.dataset.error);
  });

  // Print buttons are only useful with JavaScript, so they start hidden.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });
  document.addEventListener("htmx:load", function (event) {
    event.detail.elt.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
    });
  });
})();
