/* The site's one service worker, at /sw.js so it covers the whole site; registered by
   cms/static/cms/site.js only. It follows the page model (docs/architecture.md):
   - public pages (no "private"/"no-store" in Cache-Control): network first, the kept copy
     with no signal — lessons visited, courses saved for offline;
   - private pages are never kept. A roll call opened with no signal gets the roll call's
     shell, which holds nothing personal (the roster waits in IndexedDB);
   - static files, media and H5P files: the kept copy first (the part asked with a Range
     header as a 206: narration plays offline); what is kept on the way is bounded (the
     oldest go first); what "Save for offline" keeps is not;
   - /api/ and /admin/ pass through: records wait in the page's outbox (cms/offline.js). */
var VERSION = "{{ version }}";
var SHELL = "bdhvs-shell-" + VERSION, PAGES = "bdhvs-public", MEDIA = "bdhvs-media";
var MEDIA_MAX = {{ media_max }};
var SHELL_URLS = {{ shell|safe }};
var KEEP = [SHELL, PAGES, MEDIA];
var ROLLCALL = /^\/([a-z]+)\/sessions\/[0-9a-f-]{36}\/roll-call\/$/;

self.addEventListener("install", function (e) {
  // Asked without cookies: what is kept names nobody.
  e.waitUntil(caches.open(SHELL).then(function (c) {
    return Promise.all(SHELL_URLS.map(function (u) {
      return fetch(u, { credentials: "omit" }).then(function (r) { if (r.ok) return c.put(u, r); }).catch(function () {});
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (e) {
  // Older caches go, among them the pages an earlier worker kept with a name in them.
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return KEEP.indexOf(k) < 0 && k.indexOf("bdhvs") === 0; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function isPublic(res) {
  return res.ok && res.type === "basic" && !res.redirected &&
    !/private|no-store/.test(res.headers.get("Cache-Control") || "");
}

function trim() {
  return caches.open(MEDIA).then(function (c) {
    return c.keys().then(function (keys) {
      return Promise.all(keys.slice(0, Math.max(0, keys.length - MEDIA_MAX)).map(function (k) { return c.delete(k); }));
    });
  });
}

/* A kept file asked with a Range header (audio and video players ask "bytes=0-" and then
   the parts they need): the asked part as a 206, else the player stops with no signal. */
function ranged(req, hit) {
  var m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.get("Range") || "");
  if (!m || hit.status !== 200) return hit;
  return hit.arrayBuffer().then(function (buf) {
    var size = buf.byteLength, start = +m[1], end = m[2] ? Math.min(+m[2], size - 1) : size - 1;
    if (!m[1]) { start = Math.max(0, size - +m[2]); end = size - 1; }
    if (start >= size || start > end) {
      return new Response(null, { status: 416, headers: { "Content-Range": "bytes */" + size } });
    }
    return new Response(buf.slice(start, end + 1), { status: 206, headers: {
      "Content-Type": hit.headers.get("Content-Type") || "application/octet-stream",
      "Content-Range": "bytes " + start + "-" + end + "/" + size,
      "Content-Length": String(end - start + 1), "Accept-Ranges": "bytes" } });
  });
}

self.addEventListener("fetch", function (e) {
  var req = e.request, url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== location.origin) return;
  var path = url.pathname;
  if (path.indexOf("/api/") === 0 || path.indexOf("/admin/") === 0) return;
  if (path.indexOf("/static/") === 0 || path.indexOf("/media/") === 0 || path.indexOf("/h5p/") === 0) {
    e.respondWith(caches.match(req, { ignoreVary: true }).then(function (hit) {
      if (hit) return ranged(req, hit);
      return fetch(req).then(function (res) {
        // A part of a file (206, asked with Range) cannot be kept; the whole one is.
        if (res.status !== 200) return res;
        if (isPublic(res) || (path.indexOf("/h5p/") === 0 && !/no-store/.test(res.headers.get("Cache-Control") || ""))) {
          var copy = res.clone();
          caches.open(MEDIA).then(function (c) { return c.put(req, copy); }).then(trim);
        }
        return res;
      });
    }));
    return;
  }
  if (req.mode === "navigate" || (req.headers.get("accept") || "").indexOf("text/html") >= 0) {
    var key = path + url.search;
    e.respondWith(fetch(req).then(function (res) {
      if (isPublic(res)) { var copy = res.clone(); caches.open(PAGES).then(function (c) { c.put(key, copy); }); }
      return res;
    }).catch(function () {
      return caches.match(key, { ignoreVary: true }).then(function (hit) {
        if (hit) return hit;
        var roll = path.match(ROLLCALL);
        return (roll ? caches.match("/" + roll[1] + "/sessions/roll-call/") : Promise.resolve(null))
          .then(function (shell) { return shell || caches.match("/offline/"); });
      });
    }));
  }
});
