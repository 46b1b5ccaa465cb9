/* Plays the H5P activities of a page with h5p-standalone, and keeps their results.

   - Each activity starts only when it comes near the screen (IntersectionObserver), and
     not before the page's first paint: the lesson's text shows first, and an activity far
     below never costs a phone its bytes and main-thread time unless the learner gets there.
   - H5P makes its pictures without a size, so the text under one jumped down when it
     arrived; the size content.json gives each picture is set on its <img> as H5P adds it.
   - h5p.json, content.json and every library.json are in the page (a JSON script per
     activity); fetch() answers those URLs from memory, and the libraries' scripts and styles
     are preloaded in parallel, so the player needs no chain of round trips.
   - xAPI statements from H5P.externalDispatcher get a UUID and go into the site's one
     outbox (cms/static/cms/offline.js), which sends them when it can; the server ignores a
     statement id it already has. Made signed out, they wait until the learner signs in and
     says they are theirs. */
import { me } from "../cms/site.js";
import * as outbox from "../cms/offline.js";

(function () {
  "use strict";
  var auth = false;
  me.then(function (data) { auth = !!(data && data.authenticated); });
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

  // --- Results go through the site's one outbox (cms/static/cms/offline.js) --------------
  outbox.events.addEventListener("result", function (e) {
    if (e.detail.record.kind === "xapi") showResult(e.detail.record.data.statement, e.detail.result);
  });
  outbox.events.addEventListener("refused", function (e) {
    var rec = e.detail.record, el = rec.kind === "xapi" && activityFor(rec.data.statement);
    if (el) el.querySelector("[data-h5p-score]").textContent = e.detail.error;
  });
  outbox.events.addEventListener("offline", function () {
    Object.keys(activities).forEach(function (iri) {
      var out = activities[iri].querySelector("[data-h5p-score]");
      if (activities[iri].dataset.waiting) out.textContent = activities[iri].dataset.queuedText;
    });
  });
  function flush() { return outbox.flush(); }

  function activityFor(statement) {
    var id = statement && statement.object && statement.object.id;
    if (!id) return null;
    return activities[id.split("?")[0]] || null;
  }
  function showResult(statement, body) {
    var el = activityFor(statement);
    if (el) delete el.dataset.waiting;
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
      if (!el) return;
      statement = JSON.parse(JSON.stringify(statement));
      statement.id = statement.id || outbox.uuid();
      statement.timestamp = statement.timestamp || new Date().toISOString();
      el.dataset.waiting = "1";
      // Signed out, it waits on the phone: after signing in the learner is asked about it.
      outbox.add("xapi", { uuid: statement.id, url: el.dataset.xapi, statement: statement });
      if (!auth || navigator.onLine === false) markQueued(statement);
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
  // activities start one after another. Each one's files are asked for only when the one
  // before it can be answered: on a slow link the next activities' code (and the pictures
  // they show) would otherwise share the radio with the first one's and delay it.
  var queue = Promise.resolve();
  function start(el) {
    if (el.dataset.started) return;
    el.dataset.started = "1";
    var cfg = JSON.parse(document.getElementById(el.dataset.config).textContent);
    Object.keys(cfg.json).forEach(function (path) { inlined[path] = cfg.json[path]; });
    activities[cfg.objectIri] = el;
    queue = queue.then(function () { preload(cfg.preload); return play(el, cfg); });
  }

  // content.json's pictures: path → [width, height], the sizes the author's tool recorded.
  function pictureSizes(cfg) {
    var sizes = {};
    (function walk(value) {
      if (!value || typeof value !== "object") return;
      if (typeof value.path === "string" && value.width > 0 && value.height > 0 &&
          /^image\//.test(value.mime || "image/")) {
        sizes[value.path] = [value.width, value.height];
      }
      Object.keys(value).forEach(function (key) { walk(value[key]); });
    })(cfg.json);
    return sizes;
  }
  // MutationObserver callbacks run before the browser paints what H5P added.
  function sizePictures(anchor, sizes) {
    if (!("MutationObserver" in window) || !Object.keys(sizes).length) return null;
    function fit(img) {
      if (img.hasAttribute("width") || img.hasAttribute("height")) return;
      var src = img.getAttribute("src") || "";
      for (var path in sizes) {
        if (src.slice(-path.length - 1) === "/" + path) {
          img.setAttribute("width", sizes[path][0]);
          img.setAttribute("height", sizes[path][1]);
          return;
        }
      }
    }
    var watcher = new MutationObserver(function (records) {
      records.forEach(function (record) {
        [].forEach.call(record.addedNodes, function (node) {
          if (node.nodeType !== 1) return;
          if (node.tagName === "IMG") fit(node);
          [].forEach.call(node.querySelectorAll("img"), fit);
        });
      });
    });
    watcher.observe(anchor, { childList: true, subtree: true });
    return watcher;
  }

  function play(el, cfg) {
    var anchor = el.querySelector(".h5p-anchor");
    // The waiting line stays until H5P has drawn the activity (h5p.css hides it as soon
    // as it has), so the learner never sees an empty box.
    var placeholder = [].slice.call(anchor.children);
    return loadMain(cfg.mainJs).then(function () {
      sizePictures(anchor, pictureSizes(cfg));
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
      placeholder.forEach(function (node) { node.remove(); });
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
  }, { rootMargin: "100px 0px" }) : null;

  function scan() {
    document.querySelectorAll(".h5p-activity:not([data-watched])").forEach(function (el) {
      el.dataset.watched = "1";
      if (observer) observer.observe(el); else start(el);
    });
  }

  window.bdhvsH5P = { scan: scan, flush: flush };
  // After the first paint: a frame, then a task after it.
  requestAnimationFrame(function () { setTimeout(scan, 0); });
})();
