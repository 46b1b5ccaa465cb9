/* "Save this course for offline" on a course page: each lesson page, and what it needs,
   into the cache the service worker (cms/templates/cms/sw.js) answers from with no signal. */
function say(el, text) { if (el) el.textContent = text; }

/* What a lesson page needs offline besides itself: its pictures and media (narration clips
   included: the <audio src> of each step), and for each H5P
   activity the player, the library bundles, and the content files its JSON names. */
function needs(html) {
  var urls = (html.match(/(?:src|poster|href)="(\/(?:media|static|h5p)\/[^"]+)"/g) || [])
    .map(function (m) { return m.split('"')[1]; });
  var doc = new DOMParser().parseFromString(html, "text/html");
  [].forEach.call(doc.querySelectorAll('script[type="application/json"]'), function (s) {
    var cfg;
    try { cfg = JSON.parse(s.textContent); } catch (e) { return; }
    if (!cfg || !cfg.mainJs) return;
    urls.push(cfg.mainJs, cfg.frameJs, cfg.frameCss);
    (cfg.preload || []).forEach(function (p) { urls.push(p.href); });
    (cfg.files || []).forEach(function (f) { urls.push(f); });
  });
  [].forEach.call(doc.querySelectorAll("script[src]"), function (s) { urls.push(s.getAttribute("src")); });
  return urls.filter(function (u, i) { return u && urls.indexOf(u) === i; });
}

// "Save this course for offline": each lesson page and what it needs, into the cache.
var PAGES = "bdhvs-public"; // the service worker serves kept pages from here
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
          // Public pages: asked without cookies, so what is kept names nobody.
          return fetch(u, { credentials: "omit" }).then(function (r) {
            if (!r.ok) throw r;
            return r.clone().text().then(function (html) {
              return c.put(u, r).then(function () {
                return Promise.all(needs(html).map(function (m) {
                  return c.match(m).then(function (hit) {
                    return hit || fetch(m, { credentials: "same-origin" }).then(function (res) {
                      if (!res.ok) throw res;
                      return c.put(m, res);
                    });
                  });
                }));
              });
            });
          }).catch(function () { failed++; }).then(function () { bar.value = 100 * ++n / urls.length; });
        });
      }, Promise.resolve());
    }).then(function () { say(st, failed ? st.dataset.fail : st.dataset.done); });
  });
}
