/* Every page: the personal parts of a public page, the outbox's status, sign-out, and the
   service worker (registered here only). A public page is the same HTML for everyone
   (docs/architecture.md); this asks /api/me/ once for what belongs to the visitor and fills
   the places marked data-me. Pages' own modules `import { me } from "../cms/site.js"`. */
import * as outbox from "./offline.js";

var body = document.body;
var lang = document.documentElement.lang;

function fill(place, html) {
  var el = document.querySelector('[data-me="' + place + '"]');
  if (el && html) el.innerHTML = html; // server-rendered, escaped HTML from our templates
}

function show(data) {
  if (!data) return data;
  if (data.authenticated) fill("account", data.account);
  fill("banner", data.banner);
  fill("panel", data.panel);
  var list = document.querySelector('[data-me="messages"]');
  if (list && data.messages.length) {
    data.messages.forEach(function (m) {
      var li = document.createElement("li");
      li.className = m.level;
      li.textContent = m.text;
      list.appendChild(li);
    });
    list.hidden = false;
  }
  // ✓ on the lessons this learner completed, with the word for screen readers.
  data.completed.forEach(function (key) {
    var li = document.querySelector('.lessons li[data-lesson="' + key + '"]'), a = li && li.querySelector("a");
    if (!a || li.classList.contains("done")) return;
    li.classList.add("done");
    var word = document.createElement("span");
    word.className = "sr";
    word.textContent = " " + li.parentNode.dataset.done;
    a.appendChild(word);
  });
  Object.keys(data.scores).forEach(function (pk) {
    var out = document.querySelector('.h5p-activity[data-package="' + pk + '"] [data-h5p-score]');
    if (out && !out.textContent) out.textContent = data.scores[pk];
  });
  return data;
}

/* Who is signed in ({authenticated, user, …}), or null when the server could not be asked
   (no signal): the page then stays as it is, naming nobody. */
export var me = fetch("/api/me/?lang=" + encodeURIComponent(lang) +
  (body.dataset.page ? "&page=" + body.dataset.page : ""), { credentials: "same-origin" })
  .then(function (r) { return r.ok ? r.json() : null; })
  .catch(function () { return null; })
  .then(show);

function fmt(text, n) { return text.replace("%(n)s", n); }

// "n waiting to sync", and "log in again" when the server said the login has expired.
var status = document.querySelector("[data-outbox]");
if (status) {
  outbox.events.addEventListener("change", function (e) {
    var n = e.detail.waiting;
    status.hidden = !n;
    status.querySelector("span").textContent = n ? fmt(status.dataset.text, n) : "";
  });
  outbox.events.addEventListener("signin", function () {
    status.hidden = false;
    status.querySelector("a").hidden = false;
  });
}

// Records made signed out: after signing in, the learner says whether they are theirs
// (on a shared phone they may be someone else's).
function askAboutStrays() {
  var box = document.querySelector('[data-me="adopt"]');
  return outbox.strays().then(function (items) {
    if (!box || !items.length) return;
    box.querySelector("p").textContent = fmt(box.dataset.text, items.length);
    box.hidden = false;
    box.addEventListener("click", function (e) {
      var yes = e.target.closest("[data-yes]"), no = e.target.closest("[data-no]");
      if (!yes && !no) return;
      box.hidden = true;
      outbox.adopt(items, !!yes);
    });
  });
}

me.then(function (data) {
  return outbox.signedIn(data).then(function () { if (data && data.user) return askAboutStrays(); });
});

// Signing out: send what waits (or the person agrees to lose it), then forget everything
// personal this phone keeps, then sign out.
document.addEventListener("submit", function (e) {
  var form = e.target;
  if (!form.classList.contains("logout") || form.dataset.ready) return;
  e.preventDefault();
  outbox.forget(function (n) { return window.confirm(fmt(form.dataset.confirm, n)); })
    .then(function (go) { if (go) { form.dataset.ready = "1"; form.submit(); } });
});

if ("serviceWorker" in navigator) {
  // A page the worker did not control from the start (the first visit, or one made while
  // the worker installs) loaded its files past it: once it is there, say what they were so
  // it keeps them too (cms/templates/cms/sw.js), and the page opens again with no signal.
  var uncontrolled = !navigator.serviceWorker.controller;
  // Once the page has loaded: on a slow link the worker's first install (its shell) would
  // otherwise share the radio with what the page needs first, the lesson's first activity.
  var register = function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  };
  if (document.readyState === "complete") register(); else window.addEventListener("load", register);
  if (uncontrolled) {
    var tell = function () {
      navigator.serviceWorker.ready.then(function (reg) {
        var files = performance.getEntriesByType("resource").map(function (r) { return r.name; });
        if (reg.active) reg.active.postMessage({ loaded: files });
      });
    };
    tell();
    // Files still loading when the worker took over, and activities started later.
    navigator.serviceWorker.addEventListener("controllerchange", tell);
    if (document.readyState !== "complete") window.addEventListener("load", tell);
    // And any file that finishes later (asked for before the worker took over, it did not
    // go through it): told a second after the last one, the worker skips what it has.
    if ("PerformanceObserver" in window) {
      var later;
      new PerformanceObserver(function () {
        clearTimeout(later);
        later = setTimeout(tell, 1000);
      }).observe({ type: "resource" });
    }
  }
}
