// Voortgang's small behaviours on top of htmx. No inline script anywhere (strict CSP).
(function () {
  "use strict";

  // --- Autosave safety net -------------------------------------------------------
  // htmx saves each answer a moment after typing stops. Until the server confirms,
  // the typing is also kept in sessionStorage (a "draft"), so a reload, a language
  // switch or a lost connection cannot lose it; the draft is dropped once saved.
  const DRAFT = "voortgang:draft:";

  function draftKey(form, name) {
    return DRAFT + form.getAttribute("action") + "#" + name;
  }

  function remember(field) {
    try {
      sessionStorage.setItem(draftKey(field.form, field.name),
                             JSON.stringify({ value: field.value, at: Date.now() }));
    } catch (error) { /* storage full or disabled: htmx and the beacon still save */ }
  }

  function forget(form, name, value) {
    const key = draftKey(form, name);
    try {
      const draft = JSON.parse(sessionStorage.getItem(key) || "null");
      if (draft && draft.value === value) sessionStorage.removeItem(key);
    } catch (error) { /* nothing to forget */ }
  }

  function pendingFields(form) {
    return Array.from(form.elements).filter(function (field) {
      return field.name && sessionStorage.getItem(draftKey(form, field.name)) !== null;
    });
  }

  function autosaveForms() {
    return Array.from(document.querySelectorAll("form[data-autosave]"));
  }

  function formDataFor(form, fields) {
    const data = new FormData();
    data.append("csrf_token", form.elements.csrf_token.value);
    data.append("autosave", "1");  // a beacon cannot send HX-Request; this says the same
    fields.forEach(function (field) { data.append(field.name, field.value); });
    return data;
  }

  document.addEventListener("input", function (event) {
    const field = event.target;
    if (field.form && field.form.matches("[data-autosave]") && field.name) remember(field);
  });

  // A confirmed save drops the drafts of the values it carried, unless typing went on.
  document.addEventListener("htmx:afterRequest", function (event) {
    const elt = event.detail.elt;
    const form = elt && elt.form;
    if (!form || !form.matches("[data-autosave]") || !savedIt(event.detail)) return;
    const sent = event.detail.requestConfig.formData;
    if (sent) sent.forEach(function (value, name) { forget(form, name, String(value)); });
    hideProblem();
  });

  // Only a 2xx answer means saved. A lost connection has status 0 and htmx leaves
  // `successful` unset; a 422 is swapped in (it says what is wrong) but saved nothing.
  function savedIt(detail) {
    const status = detail.xhr ? detail.xhr.status : 0;
    return detail.successful === true && status >= 200 && status < 300;
  }

  // Put back drafts the server has not confirmed (reload came too fast, or offline),
  // and send them again.
  function restoreDrafts(root) {
    autosaveForms().forEach(function (form) {
      if (!root.contains(form)) return;
      pendingFields(form).forEach(function (field) {
        const draft = JSON.parse(sessionStorage.getItem(draftKey(form, field.name)));
        if (field.value !== draft.value) field.value = draft.value;
        if (window.htmx) window.htmx.trigger(field, "change");
      });
    });
  }

  document.addEventListener("htmx:load", function (event) { restoreDrafts(event.detail.elt); });

  // Save pending typing now, before something takes the page away.
  function flush() {
    return Promise.all(autosaveForms().map(function (form) {
      const fields = pendingFields(form);
      if (fields.length === 0) return null;
      return fetch(form.action, { method: "POST", body: formDataFor(form, fields),
                                  headers: { "HX-Request": "true" }, credentials: "same-origin" })
        .then(function (response) {
          if (response.ok) fields.forEach(function (f) { forget(form, f.name, f.value); });
        });
    }));
  }

  // Reload, close or navigate away: the browser still delivers a beacon.
  window.addEventListener("pagehide", function () {
    autosaveForms().forEach(function (form) {
      const fields = pendingFields(form);
      if (fields.length) navigator.sendBeacon(form.action, formDataFor(form, fields));
    });
  });

  // --- Language switch -------------------------------------------------------------
  // Fields that are not autosaved (a half-typed new agreement, a new person) are
  // carried over the reload in sessionStorage and put back afterwards.
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
  let switching = false;
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!form.matches("[data-language-switch]") || switching) return;
    form.elements.next.value = window.location.pathname + window.location.search;
    carryUnsavedFields();
    const pending = autosaveForms().some(function (f) { return pendingFields(f).length; });
    if (!pending) return;
    event.preventDefault();
    const button = event.submitter;
    switching = true;
    flush().finally(function () { form.requestSubmit(button); });
  });

  // --- Focus and messages ------------------------------------------------------------
  // After htmx swaps in another phase, move focus to its heading for screen readers;
  // a message that answers what was just done (a refused completion) goes first, in view.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id !== "conversation") return;
    const message = document.querySelector("#conversation [data-show-first]");
    if (message) {
      message.focus({ preventScroll: true });
      message.scrollIntoView({ block: "center" });
      return;
    }
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

  // As the agreement is typed, who and when that the text names fill the form's empty
  // fields, so the checklist and the fields beside it say the same. What the user chose
  // in a field stays; a value the text filled in follows the text.
  function fillFromText(box) {
    const found = box.querySelector("[data-found-in-text]");
    const form = box.closest("form");
    if (!found || !form) return;
    let filled = null;
    [["owner", found.dataset.owner], ["due_on", found.dataset.due]].forEach(function (pair) {
      const field = form.elements[found.dataset.prefix + "-" + pair[0]];
      if (!field || field.value === pair[1]) return;
      if (field.value && field.dataset.filledFromText !== "yes") return;
      field.value = pair[1];
      if (pair[1]) field.dataset.filledFromText = "yes";
      else delete field.dataset.filledFromText;
      filled = field;
    });
    // The checklist asks again with the fields as they are now (no offer to copy).
    if (filled) {
      const asked = new Event("change", { bubbles: true });
      asked.fromText = true;
      filled.dispatchEvent(asked);
    }
  }
  document.addEventListener("htmx:afterSwap", function (event) {
    const box = event.detail.target;
    if (box && box.matches && box.matches(".assistant")) fillFromText(box);
  });
  document.addEventListener("change", function (event) {
    // A choice made by hand is the user's own from now on.
    if (!event.fromText && event.target.dataset) delete event.target.dataset.filledFromText;
  });

  // The assistant found who and when in the text: copy them into the form's fields.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-apply-to]");
    if (!button) return;
    const form = button.closest("form");
    const prefix = button.dataset.applyTo;
    const owner = form.elements[prefix + "-owner"];
    const due = form.elements[prefix + "-due_on"];
    if (owner && button.dataset.owner) owner.value = button.dataset.owner;
    if (due && button.dataset.due) due.value = button.dataset.due;
    (owner || due).dispatchEvent(new Event("change", { bubbles: true }));
    (due || owner).focus();
  });

  // A dismissed tip stays away, even if an autosave that was already under way
  // brings the list back with it.
  const dismissedTips = new Set();
  document.addEventListener("submit", function (event) {
    const key = event.target.elements.key;
    if (key && event.target.closest("#followups")) dismissedTips.add(key.value);
  });
  document.addEventListener("htmx:load", function () {
    document.querySelectorAll("#followups [data-key]").forEach(function (tip) {
      if (dismissedTips.has(tip.dataset.key)) tip.remove();
    });
  });

  // --- The coach's tips ----------------------------------------------------------
  // A tip that was not there before is marked "new", put first and read out by the
  // live region beside it (the focus stays where the typing is). While a field has
  // the focus, the tips about it come first.
  let seenTips = null;  // the keys on screen, per step; null until a step is shown
  let seenStep = null;

  function tipsOf(panel) {
    return Array.from(panel.querySelectorAll(":scope > ul > li[data-key]"));
  }

  function followTips() {
    const panel = document.getElementById("followups");
    const conversation = document.getElementById("conversation");
    if (!panel || !conversation) return;
    const tips = tipsOf(panel);
    const step = conversation.dataset.phase;
    if (seenStep !== step || seenTips === null) {
      seenStep = step;
      seenTips = new Set(tips.map(function (tip) { return tip.dataset.key; }));
      putFittingTipsFirst(panel);
      return;
    }
    const fresh = tips.filter(function (tip) { return !seenTips.has(tip.dataset.key); });
    seenTips = new Set(tips.map(function (tip) { return tip.dataset.key; }));
    putFittingTipsFirst(panel);
    if (!fresh.length) return;
    const list = fresh[0].parentElement;
    fresh.slice().reverse().forEach(function (tip) {
      tip.classList.add("is-new");
      const badge = document.createElement("span");
      badge.className = "new-badge";
      badge.textContent = panel.dataset.newLabel;
      tip.prepend(badge);
      list.prepend(tip);
    });
    const announcer = document.querySelector("[data-coach-announcer]");
    if (announcer) {
      const question = fresh[0].querySelector(".followup-question");
      announcer.textContent = panel.dataset.announce + " " + (question ? question.textContent : "");
    }
  }

  function putFittingTipsFirst(panel) {
    const focused = document.activeElement;
    const name = focused && focused.closest && focused.closest("#agreements form")
      ? "agreement" : focused && focused.id;
    if (!name) return;
    const fitting = tipsOf(panel).filter(function (tip) {
      return (tip.dataset.fits || "").split(" ").indexOf(name) !== -1;
    });
    fitting.reverse().forEach(function (tip) { tip.parentElement.prepend(tip); });
  }

  document.addEventListener("htmx:load", followTips);
  document.addEventListener("DOMContentLoaded", followTips);
  document.addEventListener("focusin", function () {
    const panel = document.getElementById("followups");
    if (panel) putFittingTipsFirst(panel);
  });

  // Print buttons and autosave notes only hold with JavaScript, so they start hidden.
  document.addEventListener("htmx:load", function (event) {
    const hiddenUntilScript = "[data-print], [data-js-only]";
    const root = event.detail.elt;
    const found = Array.from(root.querySelectorAll(hiddenUntilScript));
    if (root.matches && root.matches(hiddenUntilScript)) found.push(root);
    found.forEach(function (elt) {
      elt.hidden = false;
    });
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });
})();
