/* The one offline client (docs/architecture.md). Every record made on the phone — a quiz
   answer, a lesson completed, an H5P result, a roll-call mark or walk-in — goes into one
   outbox in IndexedDB with a uuid made here (a resend is ignored by the server), and is
   sent in batches the server accepts, with the CSRF token from its cookie.

   What an answer means:
   - no answer, 5xx, 429: no signal — keep, try again later (back-off up to 5 minutes);
   - 401, or 403 "login": signed out — keep, and say "log in" (event "signin");
   - 400/413/422: refused — a batch is split until the refused record is alone; it leaves the
     queue and stays visible with the server's words (state "refused").

   Records belong to whoever was signed in when they were made (`owner`, the key /api/me/
   gives): they are sent only for that person. Records made signed out (owner null) are
   graded when they can be, and kept until the learner, once signed in, says whether they
   are theirs (`adopt`). `forget` removes everything personal kept on the phone. */

var DB = "bdhvs-offline";
var PERSONAL_CACHES = ["bdhvs-private"];
export var events = new EventTarget();

function emit(type, detail) { events.dispatchEvent(new CustomEvent(type, { detail: detail })); }

export function uuid() {
  var b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
  var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
  return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
}

export function csrf() {
  var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : "";
}

// --- IndexedDB ---------------------------------------------------------------------------
var opened = null;
function db() {
  if (!opened) {
    opened = new Promise(function (ok, fail) {
      var r = indexedDB.open(DB, 1);
      r.onupgradeneeded = function () {
        r.result.createObjectStore("outbox", { keyPath: "uuid" });
        r.result.createObjectStore("kept", { keyPath: "key" }); // private data (rosters)
        r.result.createObjectStore("meta", { keyPath: "key" });
      };
      r.onsuccess = function () { ok(r.result); };
      r.onerror = function () { fail(r.error); };
    });
  }
  return opened;
}
function tx(store, mode, fn) {
  return db().then(function (d) {
    return new Promise(function (ok, fail) {
      var t = d.transaction(store, mode), out = fn(t.objectStore(store));
      t.oncomplete = function () { ok(out && "result" in out ? out.result : out); };
      t.onerror = t.onabort = function () { fail(t.error); };
    });
  });
}
function all(store) { return tx(store, "readonly", function (s) { return s.getAll(); }); }
function putAll(store, items) {
  return tx(store, "readwrite", function (s) { items.forEach(function (i) { s.put(i); }); });
}
function removeAll(store, keys) {
  return tx(store, "readwrite", function (s) { keys.forEach(function (k) { s.delete(k); }); });
}

export var kept = {
  get: function (key) {
    return tx("kept", "readonly", function (s) { return s.get(key); }).then(function (r) { return r && r.value; });
  },
  set: function (key, value) { return putAll("kept", [{ key: key, value: value }]); }
};

// --- Who is signed in ---------------------------------------------------------------------
var who = { known: false, user: null, last: null };
var lastOwner = tx("meta", "readonly", function (s) { return s.get("owner"); })
  .then(function (row) { who.last = row ? row.value : null; }, function () {});

/* Called with /api/me/'s answer (site.js). A different person than last time on this phone:
   what the previous one kept here (rosters, private pages) goes; their unsent records stay
   held, never sent under another account. */
export function signedIn(data) {
  if (!data) return Promise.resolve();
  return learn(data).then(function () { changed(); return flush(); });
}

function learn(data) {
  who.known = true; who.user = data.user;
  return lastOwner.then(function () {
    // Signed out by an expired login is not a change of user: keep the roster.
    var before = who.last;
    who.last = data.user || before;
    return before && data.user && before !== data.user ? clearKept() : null;
  }).then(function () {
    return putAll("meta", [{ key: "owner", value: who.last }]);
  }).then(function () {
    return all("outbox");
  }).then(function (items) {
    // Records made on this page before anyone could be asked belong to who is signed in;
    // those moved from the old scripts' stores, to whoever signs in first.
    var fix = items.filter(function (r) {
      return r.owner === "unknown" || (r.owner === "legacy" && data.user);
    });
    fix.forEach(function (r) { r.owner = data.user || (r.kind === "attendance" ? who.last : null); });
    return putAll("outbox", fix);
  });
}

function ask() {
  return fetch("/api/me/?lang=" + lang(), { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (data) { return data ? learn(data) : Promise.reject(new Error("no answer")); });
}

function clearKept() {
  var wipes = [tx("kept", "readwrite", function (s) { s.clear(); })];
  if (window.caches) PERSONAL_CACHES.forEach(function (c) { wipes.push(caches.delete(c)); });
  return Promise.all(wipes);
}


// --- The outbox ---------------------------------------------------------------------------
/* add("progress", {type: "answer", …}) → the record. Kinds and where they go: */
var KINDS = {
  progress: { batch: 100, anonymous: true },
  xapi: { batch: 1 },
  attendance: { batch: 500 }
};

export function add(kind, data) {
  // A learner's answer made signed out is nobody's until they say so; a roll call is the
  // trainer's whose page it is, even when their login expired meanwhile.
  var owner = who.known ? who.user : who.last || "unknown";
  if (kind === "attendance" && !owner) owner = who.last || "unknown";
  var rec = {
    uuid: data.uuid || uuid(), kind: kind, data: data, owner: owner, state: "waiting",
    at: new Date().toISOString()
  };
  if (kind !== "xapi") rec.data.uuid = rec.uuid;
  return putAll("outbox", [rec]).then(function () { changed(); flush(); return rec; });
}

export function records(kind) {
  return all("outbox").then(function (items) {
    return items.filter(function (r) { return !kind || r.kind === kind; });
  });
}

function sendable(r) {
  if (r.state !== "waiting") return false;
  if (who.user) return r.owner === who.user;
  // Signed out: only the grading of answers, once, with nothing recorded.
  return who.known && r.owner === null && KINDS[r.kind].anonymous && !r.graded;
}

/* What waits to be sent for the person signed in (or, signed out, what they made). */
export function waiting() {
  return Promise.all([records(), lastOwner]).then(function (got) {
    var owner = who.known ? who.user : who.last; // with no signal: the last person here
    return got[0].filter(function (r) {
      return r.state === "waiting" && (r.owner === owner || r.owner === "unknown" || r.owner === "legacy");
    });
  });
}

/* Records made signed out that a learner, now signed in, may add to their progress. */
export function strays() {
  return records().then(function (items) {
    return who.user ? items.filter(function (r) { return r.owner === null && r.state === "waiting"; }) : [];
  });
}
export function adopt(items, yes) {
  if (!yes) return removeAll("outbox", items.map(function (r) { return r.uuid; })).then(changed);
  items.forEach(function (r) { r.owner = who.user; r.graded = false; });
  return putAll("outbox", items).then(function () { changed(); return flush(); });
}

function changed() {
  waiting().then(function (w) { emit("change", { waiting: w.length }); });
}

// --- Sending ------------------------------------------------------------------------------
var sending = null, again = false, failures = 0, timer = null, paused = false;

function post(url, body) {
  return fetch(url, {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
    body: JSON.stringify(body)
  }).then(function (r) {
    return r.json().catch(function () { return {}; }).then(function (json) { return { status: r.status, json: json }; });
  });
}

// After a failure the back-off timer decides when to try again.
function failing() { return failures > 0; }

function lang() { return document.documentElement.lang; }

/* One request for `batch` (records of one kind); resolves to what became of each:
   {done: [[rec, result]], refused: [[rec, message]], graded: [[rec, result]]}. */
function send(kind, batch) {
  var out = { done: [], refused: [], graded: [] };
  if (kind === "progress") {
    return post("/api/progress/events/", { lang: lang(), events: batch.map(function (r) { return r.data; }) })
      .then(function (res) {
        var results = res.json.results;
        if (res.status >= 500 || !results) return answer(res, batch, out);
        results.forEach(function (x, i) {
          var rec = batch[i];
          if (!x.ok) out.refused.push([rec, x.error]);
          else if (res.json.authenticated) out.done.push([rec, x]);
          else out.graded.push([rec, x]);
        });
        return out;
      });
  }
  if (kind === "xapi") {
    var rec = batch[0];
    return post(rec.data.url, { statement: rec.data.statement }).then(function (res) {
      if (res.status === 200) { out.done.push([rec, res.json]); return out; }
      if (res.status === 403 && res.json.error === "login") return signin(kind);
      return answer(res, batch, out);
    });
  }
  var body = { registrations: [], marks: [] };
  batch.forEach(function (r) { body[r.data.type === "registration" ? "registrations" : "marks"].push(r.data.record); });
  return post("/api/attendance/sync", body).then(function (res) {
    if (res.status !== 200) return answer(res, batch, out);
    var errors = {};
    res.json.errors.forEach(function (e) { errors[e.uuid] = e.message; });
    batch.forEach(function (r) {
      if (errors[r.uuid]) out.refused.push([r, errors[r.uuid]]);
      else out.done.push([r, res.json]);
    });
    return out;
  });
}

function signin(kind) {
  paused = true;
  emit("signin", { kind: kind });
  throw new Error("signed out");
}

// A whole batch not accepted: find out why from the status alone.
function answer(res, batch, out) {
  var s = res.status;
  if (s === 401) return signin(batch[0].kind);
  if (s === 403 && /csrf/i.test(JSON.stringify(res.json))) {
    // An old token (a page kept offline): /api/me/ sets a fresh cookie; try again soon.
    return fetch("/api/me/", { credentials: "same-origin" }).then(function () { throw new Error("csrf"); });
  }
  if (s === 400 || s === 403 || s === 413 || s === 422) {
    if (batch.length > 1) return { split: true };
    var detail = res.json.detail;
    if (Array.isArray(detail)) detail = detail.map(function (d) { return d.msg; }).join(" ");
    out.refused.push([batch[0], detail || res.json.error || String(s)]);
    return out;
  }
  throw new Error("status " + s); // 5xx, 429…: later
}

function settle(out) {
  var gone = [], keep = [];
  out.done.forEach(function (p) { gone.push(p[0].uuid); emit("result", { record: p[0], result: p[1] }); });
  out.graded.forEach(function (p) { p[0].graded = true; keep.push(p[0]); emit("result", { record: p[0], result: p[1], graded: true }); });
  out.refused.forEach(function (p) {
    p[0].state = "refused"; p[0].error = p[1]; keep.push(p[0]);
    emit("refused", { record: p[0], error: p[1] });
  });
  return removeAll("outbox", gone).then(function () { return putAll("outbox", keep); });
}

function sendAll(kind, items, size) {
  if (!items.length) return Promise.resolve();
  var batch = items.slice(0, size);
  return send(kind, batch).then(function (out) {
    if (out.split) return sendAll(kind, batch, Math.max(1, Math.floor(batch.length / 2)));
    return settle(out);
  }).then(function () { return sendAll(kind, items.slice(batch.length), size); });
}

/* Send everything that may be sent now. Resolves when done or when it must wait. */
export function flush() {
  // A record added while a batch is on its way goes in the next one, right after.
  if (sending) { again = true; return sending; }
  again = false;
  clearTimeout(timer);
  sending = migrated.then(function () { return who.known ? null : ask(); }).then(records).then(function (items) {
    items = items.filter(sendable);
    return Object.keys(KINDS).reduce(function (p, kind) {
      return p.then(function () {
        return sendAll(kind, items.filter(function (r) { return r.kind === kind; }), KINDS[kind].batch);
      });
    }, Promise.resolve());
  }).then(function () { failures = 0; paused = false; }, function (err) {
    if (paused) return;
    failures++;
    var wait = Math.min(300000, 2000 * Math.pow(2, failures - 1)) * (0.75 + Math.random() / 2);
    timer = setTimeout(flush, wait);
    emit("offline", { error: String(err), retryIn: wait });
  }).then(function () {
    sending = null;
    changed();
    if (again && !paused && !failing()) return flush();
  });
  return sending;
}

addEventListener("online", function () { failures = 0; flush(); });
document.addEventListener("visibilitychange", function () { if (!document.hidden) flush(); });

// --- Sign-out -----------------------------------------------------------------------------
/* Before signing out: send what waits; if some could not be sent, `confirm(n)` decides
   whether to sign out and lose them. Then everything personal kept on the phone goes. */
export function forget(confirm) {
  return flush().then(waiting).then(function (left) {
    if (left.length && !confirm(left.length)) return false;
    return Promise.all([
      tx("outbox", "readwrite", function (s) { s.clear(); }),
      tx("meta", "readwrite", function (s) { s.clear(); }),
      clearKept()
    ]).then(function () {
      Object.keys(localStorage).forEach(function (k) { if (k.indexOf("rollcall:") === 0) localStorage.removeItem(k); });
      return true;
    });
  });
}

// --- Records left by the scripts before this one -----------------------------------------
/* Once per phone: offline-migrate.js moves what the old scripts left unsent into the outbox
   (loaded only then, so pages do not carry it). */
export var migrated = tx("meta", "readonly", function (s) { return s.get("migrated"); }).then(function (row) {
  if (row) return;
  return import("./offline-migrate.js").then(function (m) {
    return m.migrate({ putAll: putAll });
  });
}).catch(function (err) { if (window.console) console.error("Outbox: old records not moved", err); });
