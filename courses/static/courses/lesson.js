/* Lessons and courses: quiz answers and completions through an offline outbox (IndexedDB),
   each with a client-made uuid so a resend is ignored; "save for offline"; the service worker.
   Everything here is an extra: the pages read and the forms post without JavaScript. */
(function () {
  "use strict";
  var art = document.querySelector("article[data-events]");
  var msgs = (document.getElementById("msgs") || {}).dataset || {};
  var PAGES = "bdhvs-pages";
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js", { scope: "/" });

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }
  function db() {
    return new Promise(function (ok, fail) {
      var r = indexedDB.open("bdhvs", 1);
      r.onupgradeneeded = function () { r.result.createObjectStore("outbox", { keyPath: "uuid" }); };
      r.onsuccess = function () { ok(r.result); };
      r.onerror = function () { fail(r.error); };
    });
  }
  function store(mode, fn) {
    return db().then(function (d) {
      return new Promise(function (ok, fail) {
        var t = d.transaction("outbox", mode), res = fn(t.objectStore("outbox"));
        t.oncomplete = function () { ok(res && res.result); };
        t.onerror = function () { fail(t.error); };
      });
    });
  }
  var put = function (ev) { return store("readwrite", function (s) { s.put(ev); }); };
  var all = function () { return store("readonly", function (s) { return s.getAll(); }); };
  var del = function (ids) { return store("readwrite", function (s) { ids.forEach(function (i) { s.delete(i); }); }); };
  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return m ? m[1] : "";
  }
  var auth = art && art.dataset.auth === "1";
  var endpoint = art ? art.dataset.events : "/api/progress/events/";
  var lang = document.documentElement.lang;
  var sending = null;

  /* Send what waits in the outbox. A visitor's events are only graded and stay on the
     phone until they sign in; then they are recorded, once each. */
  function flush() {
    if (sending) return sending;
    sending = all().then(function (evs) {
      evs = evs.filter(function (e) { return auth || !e.graded; });
      if (!evs.length) return {};
      return fetch(endpoint, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
        body: JSON.stringify({ lang: lang, events: evs })
      }).then(function (r) { return r.json(); }).then(function (body) {
        var done = [], keep = [], out = {};
        (body.results || []).forEach(function (res, i) {
          out[res.uuid] = res;
          if (body.authenticated || !res.ok) done.push(evs[i].uuid);
          else { evs[i].graded = true; keep.push(evs[i]); }
        });
        return del(done).then(function () { return Promise.all(keep.map(put)); }).then(function () { return out; });
      });
    }).finally(function () { sending = null; });
    return sending;
  }
  function say(el, text) { if (el) el.textContent = text; }
  function report(form, ev, out) {
    var res = out && out[ev.uuid], fb = form.querySelector(".feedback,.status");
    if (!res) return say(fb, auth ? msgs.queued : msgs.login);
    if (!res.ok) { fb.className = fb.className.replace(" ok", "") + " bad"; return say(fb, res.error); }
    var text = ev.type === "answer" ? [res.correct ? msgs.right : msgs.wrong].concat(res.feedback).join(" ") : msgs.done;
    if (res.course_completed) text += " " + msgs.course;
    if (!auth) text += " " + msgs.login;
    fb.className = fb.className.replace(/ (ok|bad)/g, "") + (res.correct === false ? " bad" : " ok");
    say(fb, text);
  }
  function submit(form, ev) {
    ev.uuid = uuid();
    ev.lesson = +art.dataset.lesson;
    ev.at = new Date().toISOString();
    // An editor trying a draft in the admin preview: checked against the draft, not recorded.
    if (art.dataset.preview === "1") ev.preview = true;
    put(ev).then(flush).then(function (out) { report(form, ev, out); },
      function () { report(form, ev, null); });
  }
  if (art) {
    art.addEventListener("submit", function (e) {
      var f = e.target;
      if (f.classList.contains("quiz")) {
        e.preventDefault();
        var ch = [].map.call(f.querySelectorAll("input[name=choice]:checked"), function (i) { return +i.value; });
        submit(f, { type: "answer", block: f.dataset.block, choices: ch });
      } else if (f.classList.contains("complete")) {
        e.preventDefault();
        submit(f, { type: "completed" });
      }
    });
    // Remember the last section reached, for "Continue where you left off".
    var last = "";
    if ("IntersectionObserver" in window) {
      var io = new IntersectionObserver(function (es) {
        es.forEach(function (x) { if (x.isIntersecting) last = x.target.dataset.block; });
      });
      [].forEach.call(art.querySelectorAll("section[data-block]"), function (s) { io.observe(s); });
    }
    addEventListener("pagehide", function () {
      if (!auth || !last) return;
      fetch(endpoint, { method: "POST", keepalive: true, credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
        body: JSON.stringify({ lang: lang, events: [{ type: "position", lesson: +art.dataset.lesson, position: last }] }) });
    });
  }
  addEventListener("online", function () { flush().catch(function () {}); });
  if (navigator.onLine !== false) flush().catch(function () {});

  // "Save this course for offline": each lesson page and its pictures into the cache.
  var save = document.querySelector(".offline-save");
  if (save && window.caches) {
    save.hidden = false;
    var bar = save.querySelector("progress"), st = save.querySelector(".status");
    save.querySelector("button").addEventListener("click", function () {
      var urls = save.dataset.urls.trim().split(/\s+/).concat([location.pathname]), n = 0, failed = 0;
      bar.hidden = false; bar.value = 0;
      caches.open(PAGES).then(function (c) {
        return urls.reduce(function (p, u) {
          return p.then(function () {
            return fetch(u, { credentials: "same-origin" }).then(function (r) {
              if (!r.ok) throw r;
              return r.clone().text().then(function (html) {
                var media = (html.match(/(?:src|poster)="(\/(?:media|static)\/[^"]+)"/g) || []).map(function (m) { return m.split('"')[1]; });
                return c.put(u, r).then(function () { return Promise.all(media.map(function (m) { return c.add(m).catch(function () {}); })); });
              });
            }).catch(function () { failed++; }).then(function () { bar.value = 100 * ++n / urls.length; });
          });
        }, Promise.resolve());
      }).then(function () { say(st, failed ? st.dataset.fail : st.dataset.done); });
    });
  }
})();
