/* Records left by the scripts before the one offline client (cms/offline.js), moved into
   its outbox once per phone so an update loses nothing recorded in the field: the lessons'
   IndexedDB "bdhvs", H5P's "bdhvs-h5p", and the roll call's localStorage "rollcall:…"
   (queue, refused records, rosters). They belong to whoever signs in first, except answers
   the old lesson script had already had graded signed out: those are nobody's until a
   learner says they are theirs. */
function oldDb(name, store) {
  return new Promise(function (ok) {
    var r = indexedDB.open(name);
    r.onupgradeneeded = function () { r.transaction.abort(); }; // it never existed: leave it so
    r.onerror = function () { ok([]); };
    r.onsuccess = function () {
      var d = r.result;
      if (!d.objectStoreNames.contains(store)) { d.close(); return ok([]); }
      var q = d.transaction(store, "readonly").objectStore(store).getAll();
      q.onsuccess = function () { d.close(); ok(q.result); };
      q.onerror = function () { d.close(); ok([]); };
    };
  });
}
function legacy(kind, data, extra) {
  return Object.assign({ uuid: data.uuid || data.id, kind: kind, data: data, owner: "legacy", state: "waiting", at: new Date().toISOString() }, extra);
}

export function migrate(db) {
  var putAll = db.putAll;
  return Promise.all([oldDb("bdhvs", "outbox"), oldDb("bdhvs-h5p", "statements")]).then(function (found) {
    var moved = found[0].map(function (e) {
      var graded = e.graded; delete e.graded;
      return legacy("progress", e, graded ? { owner: null, graded: true } : {});
    }).concat(found[1].map(function (s) {
      return legacy("xapi", { url: s.url, statement: s.statement }, { uuid: s.id });
    }));
    var q; try { q = JSON.parse(localStorage.getItem("rollcall:queue")); } catch (e) { q = null; }
    if (q) {
      (q.registrations || []).forEach(function (r) { moved.push(legacy("attendance", { type: "registration", uuid: r.uuid, record: r })); });
      (q.marks || []).forEach(function (m) { moved.push(legacy("attendance", { type: "mark", uuid: m.uuid, record: m })); });
    }
    var failed; try { failed = JSON.parse(localStorage.getItem("rollcall:failed")) || []; } catch (e) { failed = []; }
    failed.forEach(function (f) {
      if (!f.record) return;
      var type = f.record.person_id || f.record.person_uuid ? "mark" : "registration";
      moved.push(legacy("attendance", { type: type, uuid: f.record.uuid, record: f.record }, { state: "refused", error: f.message }));
    });
    var rosters = Object.keys(localStorage).filter(function (k) { return k.indexOf("rollcall:roster:") === 0; }).map(function (k) {
      var v; try { v = JSON.parse(localStorage.getItem(k)); } catch (e) { v = null; }
      return { key: "roster:" + k.slice(16), value: v };
    }).filter(function (r) { return r.value; });
    return putAll("outbox", moved).then(function () { return putAll("kept", rosters); }).then(function () {
      return putAll("meta", [{ key: "migrated", value: new Date().toISOString() }]);
    }).then(function () {
      ["rollcall:queue", "rollcall:failed"].concat(rosters.map(function (r) { return "rollcall:roster:" + r.key.slice(7); }))
        .forEach(function (k) { localStorage.removeItem(k); });
      if (found[0].length) indexedDB.deleteDatabase("bdhvs");
      if (found[1].length) indexedDB.deleteDatabase("bdhvs-h5p");
    });
  });
}
