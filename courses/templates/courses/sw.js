/* Service worker, served at /sw.js so it covers the whole site. Pages: network first, the
   cached copy when offline (lessons visited or saved for offline). Static files and media:
   cache first. Progress is never cached: the page keeps unsent records in IndexedDB. */
var SHELL = "bdhvs-shell-{{ version }}", PAGES = "bdhvs-pages", MEDIA = "bdhvs-media";
var SHELL_URLS = [{% for url in shell %}"{{ url|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %}];
self.addEventListener("install", function (e) {
  e.waitUntil(caches.open(SHELL).then(function (c) {
    return Promise.all(SHELL_URLS.map(function (u) { return c.add(u).catch(function () {}); }));
  }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("bdhvs-shell-") === 0 && k !== SHELL; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener("fetch", function (e) {
  var req = e.request, url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== location.origin) return;
  if (url.pathname.indexOf("/api/") === 0 || url.pathname.indexOf("/admin/") === 0) return;
  // H5P library and content files never change under one URL (versioned or per package).
  if (url.pathname.indexOf("/static/") === 0 || url.pathname.indexOf("/media/") === 0 ||
      url.pathname.indexOf("/h5p/") === 0) {
    e.respondWith(caches.match(req).then(function (hit) {
      return hit || fetch(req).then(function (res) {
        if (res.ok) { var copy = res.clone(); caches.open(MEDIA).then(function (c) { c.put(req, copy); }); }
        return res;
      });
    }));
    return;
  }
  if (req.mode === "navigate" || (req.headers.get("accept") || "").indexOf("text/html") >= 0) {
    e.respondWith(fetch(req).then(function (res) {
      if (res.ok && !url.search) { var copy = res.clone(); caches.open(PAGES).then(function (c) { c.put(url.pathname, copy); }); }
      return res;
    }).catch(function () {
      return caches.match(url.pathname).then(function (hit) { return hit || caches.match("/offline/"); });
    }));
  }
});
