// Layout behaviours: the large-text switch without a reload, and the coach's panel at
// the bottom of a phone screen. Everything here also works, more plainly, without it.
(function () {
  "use strict";

  const root = document.documentElement;
  const phone = window.matchMedia("(max-width: 62.49em)");  // no room beside the form

  // --- Large text ------------------------------------------------------------------
  // The form posts to the server (kept in the session for the next pages); with
  // JavaScript that happens in the background, so nothing typed is reloaded away.
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!form.matches("[data-display-toggle]")) return;
    event.preventDefault();
    const button = form.querySelector("button[name=presentation]");
    const on = button.value === "on";
    const data = new FormData(form);
    data.set("presentation", button.value);
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin",
                         headers: { "X-Background": "display" } })
      .then(function (response) {
        if (!response.ok) { form.submit(); return; }  // the plain way, with a reload
        root.classList.toggle("presentation", on);
        button.value = on ? "off" : "on";
        button.setAttribute("aria-pressed", on ? "true" : "false");
        measureCoach();
      })
      .catch(function () { /* offline: the size stays as it is */ });
  });

  // --- The coach on a phone ----------------------------------------------------------
  // A panel at the bottom showing the first tip; its button opens all of them. The
  // panel's height is kept in --coach-space, which the page's scroll-padding uses so
  // a focused field is never scrolled behind it.
  function coach() {
    return document.querySelector(".with-coach > [data-coach]");
  }

  function measureCoach() {
    const panel = coach();
    const height = panel && phone.matches ? panel.getBoundingClientRect().height : 0;
    root.style.setProperty("--coach-space", Math.round(height) + "px");
  }

  let observer = null;

  function setUpCoach() {
    const panel = coach();
    if (!panel || panel.dataset.ready) return;
    panel.dataset.ready = "1";
    panel.classList.add("is-compact");
    const toggle = panel.querySelector("[data-coach-toggle]");
    if (toggle) toggle.hidden = false;
    if (observer) observer.disconnect();
    if (window.ResizeObserver) {
      observer = new ResizeObserver(measureCoach);
      observer.observe(panel);
    }
    measureCoach();
  }

  document.addEventListener("click", function (event) {
    const toggle = event.target.closest("[data-coach-toggle]");
    if (!toggle) return;
    const panel = toggle.closest("[data-coach]");
    const open = !panel.classList.contains("is-open");
    panel.classList.toggle("is-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) panel.scrollTop = 0;
  });

  // Typing makes an answer grow: keep the caret's line above the panel.
  function keepAbovePanel(event) {
    const field = event.target;
    if (!phone.matches || !field.matches || !field.matches("textarea, input, select")) return;
    const panel = coach();
    if (!panel || panel.contains(field)) return;
    const covered = field.getBoundingClientRect().bottom -
      (window.innerHeight - panel.getBoundingClientRect().height) + 8;
    if (covered > 0 && field.getBoundingClientRect().top - covered > 0) {
      window.scrollBy(0, covered);
    }
  }
  document.addEventListener("focusin", keepAbovePanel);
  document.addEventListener("input", keepAbovePanel);

  document.addEventListener("htmx:load", setUpCoach);
  document.addEventListener("DOMContentLoaded", setUpCoach);
  phone.addEventListener("change", measureCoach);
})();
