/* The site's one service worker, at /sw.js so it covers the whole site; registered by
   cms/static/cms/site.js only. It follows the page model (docs/architecture.md):
   - public pages (no "private"/"no-store" in Cache-Control): network first, the kept copy
     with no signal or when the server fails (5xx: 503 "busy" while its database restarts)
     — lessons visited, courses saved for offline;
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

/* What a page loaded before this worker controlled it (the first visit: a worker starts
   controlling only once installed, which takes its shell's downloads on a slow link) never
   went through the fetch handler below, so it was not kept, and the lesson stayed
   unplayable offline. The page says what it loaded (site.js); what is missing is kept here
   from the browser's HTTP cache (only-if-cached: no second download), under the same rules
   as the fetch handler. */
function keepLoaded(page, files) {
  var wanted = [];
  var url = new URL(page);
  if (url.origin === location.origin && url.pathname.indexOf("/api/") !== 0 && url.pathname.indexOf("/admin/") !== 0) {
    wanted.push({ cache: PAGES, key: url.pathname + url.search, href: url.href, page: true });
  }
  files.forEach(function (u) {
    try { url = new URL(u, location.href); } catch (err) { return; }
    if (url.origin === location.origin && isFile(url.pathname)) {
      wanted.push({ cache: MEDIA, key: url.href, href: url.href, path: url.pathname });
    }
  });
  return Promise.all(wanted.map(function (w) {
    return caches.open(w.cache).then(function (c) {
      return c.match(w.key, { ignoreVary: true }).then(function (hit) {
        if (hit) return null;
        // only-if-cached: never the network. No second download, and a GET that does
        // something (a private page, a form's answer) is not made again.
        return fetch(w.href, { cache: "only-if-cached", mode: "same-origin", credentials: "same-origin",
                               headers: w.page ? { Accept: "text/html" } : {} })
          .then(function (res) {
            if (res.status === 200 && (w.page ? isPublic(res) : keepableFile(res, w.path))) return c.put(w.key, res);
          });
      }).catch(function () {});
    });
  })).then(trim);
}

self.addEventListener("message", function (e) {
  var files = e.data && e.data.loaded;
  if (Array.isArray(files) && e.source && e.source.url) {
    e.waitUntil(keepLoaded(e.source.url, files.slice(0, 500)));
  }
});

function isFile(path) {
  return path.indexOf("/static/") === 0 || path.indexOf("/media/") === 0 || path.indexOf("/h5p/") === 0;
}

// Static files and media when public; H5P files unless no-store (a package's content files
// are "private": the learner's own browser may keep them, a shared cache may not).
function keepableFile(res, path) {
  return isPublic(res) || (path.indexOf("/h5p/") === 0 && res.ok && res.type === "basic" &&
    !/no-store/.test(res.headers.get("Cache-Control") || ""));
}

/* The copy of a page kept on the phone, or for a roll call the roll call's shell. */
function saved(path, key) {
  return caches.match(key, { ignoreVary: true }).then(function (hit) {
    if (hit) return hit;
    var roll = path.match(ROLLCALL);
    return roll ? caches.match("/" + roll[1] + "/sessions/roll-call/") : null;
  });
}

self.addEventListener("fetch", function (e) {
  var req = e.request, url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== location.origin) return;
  var path = url.pathname;
  if (path.indexOf("/api/") === 0 || path.indexOf("/admin/") === 0) return;
  if (isFile(path)) {
    e.respondWith(caches.match(req, { ignoreVary: true }).then(function (hit) {
      if (hit) return ranged(req, hit);
      return fetch(req).then(function (res) {
        // A part of a file (206, asked with Range) cannot be kept; the whole one is.
        if (res.status !== 200) return res;
        if (keepableFile(res, path)) {
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
      // The server answered but could not serve (5xx; 503 while its database restarts):
      // the saved copy, as with no signal; without one, the server's own "try again" page.
      if (res.status >= 500) return saved(path, key).then(function (hit) { return hit || res; });
      return res;
    }).catch(function () {
      return saved(path, key).then(function (hit) { return hit || caches.match("/offline/"); });
    }));
  }
});
