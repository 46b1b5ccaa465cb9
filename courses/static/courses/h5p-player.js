/* Plays the H5P activities of a page with h5p-standalone, and keeps their results.

   - Each activity starts only when it comes near the screen (IntersectionObserver).
   - h5p.json, content.json and every library.json are in the page (a JSON script per
     activity); fetch() answers those URLs from memory, and the libraries' scripts and styles
     are preloaded in parallel, so the player needs no chain of round trips.
   - xAPI statements from H5P.externalDispatcher get a UUID, wait in IndexedDB, and are
     posted with the CSRF token; the server ignores a statement id it already has, so a
     resend after a lost answer is harmless. Unsent statements go when the phone is online. */
(function () {
  "use strict";
  if (window.bdhvsH5P) { window.bdhvsH5P.scan(); return; }

  var inlined = {};
  var activities = {}; // object IRI → activity element
  var realFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : (input && input.url) || String(input);
    var path;
    try { path = new URL(url, location.href).pathname; } catch (e) { path = null; }
    if (path && Object.prototype.hasOwnProperty.call(inlined, path)) {
      return Promise.resolve(new Response(JSON.stringify(inlined[path]), {
        status: 200, headers: { "Content-Type": "application/json" }
      }));
    }
    return realFetch(input, init);
  };

  function uuid4() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function csrfToken() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (m) return decodeURIComponent(m[1]);
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // --- The outbox (IndexedDB) -------------------------------------------------------------
  var DB_NAME = "bdhvs-h5p", STORE = "statements";
  function openDb() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = function () { req.result.createObjectStore(STORE, { keyPath: "id" }); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }
  function tx(mode, fn) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode), result;
        t.oncomplete = function () { db.close(); resolve(result); };
        t.onerror = function () { db.close(); reject(t.error); };
        result = fn(t.objectStore(STORE));
      });
    });
  }
  function enqueue(item) { return tx("readwrite", function (s) { s.put(item); }); }
  function remove(id) { return tx("readwrite", function (s) { s.delete(id); }); }
  function pending() {
    return tx("readonly", function (s) {
      var out = [];
      s.openCursor().onsuccess = function (e) {
        var c = e.target.result;
        if (c) { out.push(c.value); c.continue(); }
      };
      return out;
    });
  }

  var flushing = false;
  function flush() {
    if (flushing || !navigator.onLine) return Promise.resolve();
    flushing = true;
    return pending().then(function (items) {
      return items.reduce(function (chain, item) {
        return chain.then(function () { return send(item); });
      }, Promise.resolve());
    }).catch(function () {}).then(function () { flushing = false; });
  }

  function send(item) {
    return realFetch(item.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify({ statement: item.statement })
    }).then(function (res) {
      // 2xx: stored (or already stored). 422: refused for good (the reason is in the body).
      // Anything else (offline, server down, expired session): keep it and try later.
      if (res.ok || res.status === 422) {
        return res.json().catch(function () { return {}; }).then(function (body) {
          showResult(item.statement, body);
          return remove(item.id);
        });
      }
    }).catch(function () { markQueued(item.statement); });
  }

  function activityFor(statement) {
    var id = statement && statement.object && statement.object.id;
    if (!id) return null;
    return activities[id.split("?")[0]] || null;
  }
  function showResult(statement, body) {
    var el = activityFor(statement);
    if (!el || !body || !body.score) return;
    var out = el.querySelector("[data-h5p-score]");
    out.textContent = el.dataset.scoreText.replace("%(score)s", body.score);
  }
  function markQueued(statement) {
    var el = activityFor(statement);
    if (el) el.querySelector("[data-h5p-score]").textContent = el.dataset.queuedText;
  }

  var RECORDED = /\/(answered|completed|passed|failed|scored)$/;
  var listening = false;
  function listen() {
    if (listening || !window.H5P || !H5P.externalDispatcher) return;
    listening = true;
    H5P.externalDispatcher.on("xAPI", function (event) {
      var statement = event.data && event.data.statement;
      if (!statement || !statement.verb || !RECORDED.test(statement.verb.id)) return;
      var el = activityFor(statement);
      if (!el || el.dataset.auth !== "1") return;
      statement = JSON.parse(JSON.stringify(statement));
      statement.id = statement.id || uuid4();
      statement.timestamp = statement.timestamp || new Date().toISOString();
      var item = { id: statement.id, url: el.dataset.xapi, statement: statement };
      enqueue(item).then(function () {
        if (!navigator.onLine) markQueued(statement);
        return flush();
      }, function () { return send(item); });
    });
  }

  // --- Starting the player ----------------------------------------------------------------
  // The player class, kept as soon as main.bundle.js runs: in div mode the H5P core
  // (frame.bundle.js) is loaded into the page too and replaces window.H5PStandalone.
  var Player = null;
  var mainLoaded = null;
  function loadMain(src) {
    if (!mainLoaded) {
      mainLoaded = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src; s.onerror = reject;
        s.onload = function () { Player = window.H5PStandalone.H5P; resolve(); };
        document.head.appendChild(s);
      });
    }
    return mainLoaded;
  }
  function preload(list) {
    list.forEach(function (item) {
      if (document.querySelector('link[rel=preload][href="' + item.href + '"]')) return;
      var link = document.createElement("link");
      link.rel = "preload"; link.as = item.as; link.href = item.href;
      document.head.appendChild(link);
    });
  }

  // h5p-standalone ends by calling H5P.init() on the whole page, which would try to start
  // another activity whose scripts are still loading ("Unable to find constructor"), so
  // activities start one after another; their files are preloaded at once all the same.
  var queue = Promise.resolve();
  function start(el) {
    if (el.dataset.started) return;
    el.dataset.started = "1";
    var cfg = JSON.parse(document.getElementById(el.dataset.config).textContent);
    Object.keys(cfg.json).forEach(function (path) { inlined[path] = cfg.json[path]; });
    activities[cfg.objectIri] = el;
    preload(cfg.preload);
    queue = queue.then(function () { return play(el, cfg); });
  }

  function play(el, cfg) {
    var anchor = el.querySelector(".h5p-anchor");
    return loadMain(cfg.mainJs).then(function () {
      anchor.innerHTML = "";
      return new Player(anchor, {
        id: el.id,
        h5pJsonPath: cfg.h5pJsonPath,
        contentJsonPath: cfg.contentJsonPath,
        librariesPath: cfg.librariesPath,
        frameJs: cfg.frameJs,
        frameCss: cfg.frameCss,
        embedType: "div",
        xAPIObjectIRI: cfg.objectIri,
        frame: false, copyright: false, export: false, embed: false, icon: false,
        fullScreen: false
      });
    }).then(function () {
      // A content type whose library does not define its class (e.g. GreetingCard1 defines
      // H5P.GreetingCard) leaves an empty box: say so instead of failing silently.
      if (window.H5P && H5P.classFromName && !H5P.classFromName(cfg.mainLibrary)) {
        throw new Error("Unable to find constructor for " + cfg.mainLibrary);
      }
      listen();
      el.classList.add("h5p-ready");
      flush();
    }).catch(function (err) {
      el.classList.add("h5p-failed");
      anchor.innerHTML = "";
      var p = document.createElement("p");
      p.className = "h5p-error"; p.setAttribute("role", "alert");
      p.textContent = el.dataset.errorText;
      anchor.appendChild(p);
      if (window.console) console.error("H5P activity failed", err);
    });
  }

  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) { observer.unobserve(entry.target); start(entry.target); }
    });
  }, { rootMargin: "300px 0px" }) : null;

  function scan() {
    document.querySelectorAll(".h5p-activity:not([data-watched])").forEach(function (el) {
      el.dataset.watched = "1";
      if (observer) observer.observe(el); else start(el);
    });
  }

  window.bdhvsH5P = { scan: scan, flush: flush };
  window.addEventListener("online", flush);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) flush(); });
  setInterval(flush, 15000);
  scan();
  flush();
})();
