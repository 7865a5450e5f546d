// Headway's site-wide behaviour (no inline scripts: the CSP forbids them).
// 1. Busy buttons: a save or an upload cannot be sent twice.
// 2. Keyboard shortcuts: / search, n quick capture, Ctrl/Cmd+Enter save, ? help.
// 3. The navigation's "More" closes on Escape and on a click elsewhere.
(function () {
  "use strict";

  var BUSY_SAFETY_MS = 60000; // a download leaves the page in place: give the button back

  function submitButtons(form) {
    var inside = Array.prototype.slice.call(
      form.querySelectorAll("button:not([type=button]), input[type=submit]"));
    var outside = form.id ? Array.prototype.slice.call(
      document.querySelectorAll('[form="' + form.id + '"][type=submit]')) : [];
    return inside.concat(outside);
  }

  function setBusy(form, busy) {
    if (busy) { form.setAttribute("aria-busy", "true"); } else { form.removeAttribute("aria-busy"); }
    submitButtons(form).forEach(function (button) {
      if (busy) {
        button.setAttribute("aria-busy", "true");
        button.disabled = true;
      } else if (button.getAttribute("aria-busy") === "true") {
        button.removeAttribute("aria-busy");
        button.disabled = false;
      }
    });
  }

  // A save: the form posts, natively or through htmx on its submit event.
  // (A form whose hx-post is a live coach fired on input saves natively.)
  function isSave(form) {
    if (form.hasAttribute("data-no-busy")) { return false; }
    var method = (form.getAttribute("method") || "get").toLowerCase();
    var trigger = form.getAttribute("hx-trigger");
    var htmxOnSubmit = !trigger || /\bsubmit\b/.test(trigger);
    var htmxSave = htmxOnSubmit && (form.hasAttribute("hx-post") ||
      form.hasAttribute("hx-put") || form.hasAttribute("hx-delete"));
    return method === "post" || htmxSave;
  }

  // Capture phase, before htmx's own listener: a busy form is not sent again.
  // Disabling waits a tick so the browser and htmx first read the submitter.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !isSave(form)) { return; }
    if (form.getAttribute("aria-busy") === "true") {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    window.setTimeout(function () { setBusy(form, true); }, 0);
    // A form that answers with a download stays on the page: it says how soon
    // its buttons come back (data-busy-ms), else the safety delay does.
    var busyFor = parseInt(form.getAttribute("data-busy-ms"), 10) || BUSY_SAFETY_MS;
    window.setTimeout(function () { setBusy(form, false); }, busyFor);
  }, true);
  // Back to a page from the history: its buttons work again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[aria-busy=true]").forEach(function (form) { setBusy(form, false); });
  });
  // An htmx save answered (swapped or refused): the form works again.
  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail && event.detail.elt;
    if (elt instanceof HTMLFormElement && elt.isConnected) { setBusy(elt, false); }
  });

  // Keyboard shortcuts, never while typing in a field.
  function typing(target) {
    if (!(target instanceof Element)) { return false; }
    return target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  function focusOrGo(selector, hash) {
    var field = document.querySelector(selector);
    if (field) { field.focus(); field.select && field.select(); return; }
    var logUrl = document.body.getAttribute("data-log-url");
    if (logUrl) { window.location.assign(logUrl + hash); }
  }

  var SEARCH = "[role=search] input[type=search], [role=search] input[name=q], input[type=search]";
  var CAPTURE = ".quick-capture input:not([type=hidden]), .quick-capture textarea";

  function openShortcuts() {
    var dialog = document.getElementById("shortcuts");
    if (dialog && !dialog.open) { dialog.showModal(); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.isComposing) { return; }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      var form = event.target instanceof Element && event.target.closest("form");
      if (form && form.getAttribute("method") !== "dialog") {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    if (document.querySelector("dialog[open]")) { return; }
    if (event.key === "/") { event.preventDefault(); focusOrGo(SEARCH, "#search"); }
    else if (event.key === "n") { event.preventDefault(); focusOrGo(CAPTURE, "#capture"); }
    else if (event.key === "?") { event.preventDefault(); openShortcuts(); }
  });

  document.addEventListener("click", function (event) {
    var opener = event.target instanceof Element && event.target.closest("[data-shortcuts-open]");
    if (opener) { openShortcuts(); }
    var more = document.querySelector("details[data-nav-more][open]");
    if (more && !(event.target instanceof Node && more.contains(event.target))) { more.open = false; }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var more = document.querySelector("details[data-nav-more][open]");
    if (more) {
      more.open = false;
      more.querySelector("summary").focus();
    }
  });

  // Arriving from a shortcut on another page: /log/#search, /log/#capture.
  document.addEventListener("DOMContentLoaded", function () {
    if (window.location.hash === "#search") { focusOrGo(SEARCH, ""); }
    if (window.location.hash === "#capture") { focusOrGo(CAPTURE, ""); }
  });
})();
