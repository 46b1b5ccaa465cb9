/* Roll call that works with no signal.
 *
 * The roster, new registrations and marks live in localStorage. Every record gets a uuid
 * made here, so sending it twice is harmless: the server ignores uuids it has seen. Records
 * wait in a queue until a sync succeeds; the page shows how many are waiting. */
(function () {
  "use strict";
  var root = document.getElementById("rollcall");
  if (!root) return;
  var T = JSON.parse(document.getElementById("rollcall-text").textContent);
  var SESSION = root.dataset.session;
  var ROSTER_KEY = "rollcall:roster:" + SESSION;
  var QUEUE_KEY = "rollcall:queue";
  var FAILED_KEY = "rollcall:failed";
  var $ = function (id) { return document.getElementById(id); };

  // Same rule as trainees.models.normalise_name: "Nguyễn Thị" → "nguyen thi".
  function norm(s) {
    return (s || "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }
  // crypto.randomUUID needs HTTPS; getRandomValues works everywhere.
  function uuid4() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }
  function load(key, fallback) {
    try { return JSON.parse(localStorage.getItem(key)) || fallback; } catch (e) { return fallback; }
  }
  function store(key, value) { localStorage.setItem(key, JSON.stringify(value)); }
  // The page may come from the offline cache with an old token; the cookie is current.
  function csrfToken() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : root.dataset.csrf;
  }
  function fmt(s, values) {
    return s.replace(/%\((\w+)\)s/g, function (_, k) { return values[k]; });
  }

  var roster = load(ROSTER_KEY, null); // {session, villages, people}
  var queue = load(QUEUE_KEY, { registrations: [], marks: [] });
  var failed = load(FAILED_KEY, []);
  var syncing = false;
  var list = $("roster");

  function personKey(p) { return p.id ? "id:" + p.id : "u:" + p.uuid; }

  function pendingCount() { return queue.registrations.length + queue.marks.length; }

  function showStatus() {
    var n = pendingCount();
    var pending = $("pending");
    pending.dataset.count = n;
    pending.textContent = n ? fmt(T.pending, { n: n }) : T.synced;
    pending.className = n ? "pending" : "synced";
    if (roster) {
      var present = roster.people.filter(function (p) {
        return p.status === "present" || p.status === "late";
      }).length;
      var counter = $("present-count");
      counter.dataset.count = present;
      counter.textContent = fmt(T.present, { n: present, total: roster.people.length });
    }
    var errors = $("sync-errors");
    errors.hidden = !failed.length;
    errors.textContent = failed.length ? fmt(T.failed, { n: failed.length }) + " " +
      failed.slice(-3).map(function (f) { return f.message; }).join(" · ") : "";
  }

  function villageName(id) {
    var v = (roster.villages || []).filter(function (x) { return x.id === id; })[0];
    return v ? v.name : "";
  }

  function renderRow(p) {
    var li = document.createElement("li");
    li.dataset.key = p.name_key || norm(p.full_name);
    li.dataset.person = personKey(p);
    var b = document.createElement("button");
    b.type = "button";
    b.className = "person";
    var name = document.createElement("span");
    name.className = "name";
    name.textContent = p.full_name;
    var meta = document.createElement("small");
    meta.textContent = [p.birth_year, villageName(p.village_id), p.household].filter(Boolean).join(" · ");
    var mark = document.createElement("span");
    mark.className = "mark";
    b.appendChild(mark);
    b.appendChild(name);
    b.appendChild(meta);
    b.addEventListener("click", function () { toggle(p, li); });
    li.appendChild(b);
    paint(p, li);
    return li;
  }

  function paint(p, li) {
    var on = p.status === "present" || p.status === "late";
    li.classList.toggle("present", on);
    li.querySelector(".person").setAttribute("aria-pressed", on ? "true" : "false");
    li.querySelector(".mark").textContent = on ? "✓" : "";
  }

  function render() {
    list.textContent = "";
    roster.people.forEach(function (p) { list.appendChild(renderRow(p)); });
    var select = $("w-village");
    select.length = 1;
    (roster.villages || []).forEach(function (v) {
      var o = document.createElement("option");
      o.value = v.id;
      o.textContent = v.name;
      if (v.id === roster.session.village_id) o.selected = true;
      select.appendChild(o);
    });
    filter();
    showStatus();
  }

  function filter() {
    var q = norm($("search").value);
    var shown = 0;
    Array.prototype.forEach.call(list.children, function (li) {
      var hit = !q || li.dataset.key.indexOf(q) !== -1;
      li.hidden = !hit;
      if (hit) shown++;
    });
    $("empty").hidden = shown > 0;
  }

  function addMark(p, status) {
    var mark = {
      uuid: uuid4(), session: SESSION, status: status, method: "roll_call",
      recorded_at: new Date().toISOString()
    };
    if (p.id) mark.person_id = p.id; else mark.person_uuid = p.uuid;
    p.status = status;
    p.recorded_at = mark.recorded_at;
    queue.marks.push(mark);
    store(QUEUE_KEY, queue);
    store(ROSTER_KEY, roster);
  }

  // One tap marks present; a second tap undoes it (recorded as absent, kept in the trail).
  function toggle(p, li) {
    addMark(p, p.status === "present" || p.status === "late" ? "absent" : "present");
    paint(p, li);
    showStatus();
    sync();
  }

  // Marks still waiting here are newer than anything the server sent.
  function overlayQueue() {
    var byKey = {};
    roster.people.forEach(function (p) { byKey[personKey(p)] = p; });
    queue.marks.forEach(function (m) {
      if (m.session !== SESSION) return;
      var p = byKey[m.person_id ? "id:" + m.person_id : "u:" + m.person_uuid];
      if (p) { p.status = m.status; p.recorded_at = m.recorded_at; }
    });
  }

  function loadRoster() {
    return fetch(root.dataset.rosterUrl, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        var local = roster ? roster.people.filter(function (p) { return !p.id; }) : [];
        data.people = data.people.concat(local.filter(function (p) {
          return !data.people.some(function (s) { return s.uuid === p.uuid; });
        }));
        roster = data;
        overlayQueue();
        store(ROSTER_KEY, roster);
      });
  }

  function sync() {
    if (syncing || !pendingCount()) { showStatus(); return; }
    syncing = true;
    var batch = { registrations: queue.registrations.slice(0, 500), marks: queue.marks.slice(0, 500) };
    fetch(root.dataset.syncUrl, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(batch)
    }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (result) {
      var sent = {};
      batch.registrations.concat(batch.marks).forEach(function (x) { sent[x.uuid] = x; });
      result.errors.forEach(function (e) { failed.push({ record: sent[e.uuid], message: e.message }); });
      queue.registrations = queue.registrations.filter(function (x) { return !sent[x.uuid]; });
      queue.marks = queue.marks.filter(function (x) { return !sent[x.uuid]; });
      if (roster) {
        roster.people.forEach(function (p) {
          if (!p.id && result.people[p.uuid]) p.id = result.people[p.uuid];
        });
        store(ROSTER_KEY, roster);
      }
      store(QUEUE_KEY, queue);
      store(FAILED_KEY, failed);
    }).catch(function () {
      // No signal (or the server is away): everything stays queued on this phone.
    }).then(function () {
      syncing = false;
      showStatus();
      if (pendingCount() && navigator.onLine) setTimeout(sync, 1000);
    });
  }

  // --- Walk-ins ---
  var duplicate = null;

  // The server's rules for a person's fields (person-fields.js applies them): a walk-in
  // queued here is one the sync will accept.
  var RULES = JSON.parse(document.getElementById("person-rules").textContent);

  function walkinValues() {
    var form = $("walkin-form");
    var checked = PersonFields.check({
      full_name: form.full_name.value, birth_year: form.birth_year.value,
      gender: form.gender.value, ethnicity: form.ethnicity.value,
      village_id: form.village_id.value ? parseInt(form.village_id.value, 10) : null,
      household: form.household.value, consent: form.consent.checked
    }, RULES, (roster.villages || []).map(function (v) { return v.id; }));
    var r = checked.values;
    r.uuid = uuid4();
    r.session = SESSION;
    r.errors = checked.errors;
    return r;
  }

  function walkinError(message) {
    $("w-error").textContent = message;
    $("w-error").hidden = !message;
  }

  function resetWalkin() {
    $("walkin-form").reset();
    $("w-duplicate").hidden = true;
    duplicate = null;
    walkinError("");
    render();
  }

  function addWalkin(force) {
    var r = walkinValues();
    var problems = Object.keys(r.errors).map(function (k) { return r.errors[k]; });
    delete r.errors;
    if (problems.length) return walkinError(problems.join(" "));
    walkinError("");
    var key = norm(r.full_name);
    if (!force) {
      duplicate = roster.people.filter(function (p) {
        return (p.name_key || norm(p.full_name)) === key && p.birth_year === r.birth_year &&
          p.village_id === r.village_id;
      })[0] || null;
      if (duplicate) {
        $("w-dup-name").textContent = [duplicate.full_name, duplicate.birth_year, villageName(duplicate.village_id)].filter(Boolean).join(", ");
        $("w-duplicate").hidden = false;
        return;
      }
    }
    queue.registrations.push(r);
    var person = {
      id: null, uuid: r.uuid, full_name: r.full_name, name_key: key, birth_year: r.birth_year,
      gender: r.gender, village_id: r.village_id, household: r.household, status: null
    };
    roster.people.push(person);
    addMark(person, "present");
    $("search").value = "";
    resetWalkin();
    sync();
  }

  $("walkin-form").addEventListener("submit", function (e) { e.preventDefault(); addWalkin(false); });
  $("w-new").addEventListener("click", function () { addWalkin(true); });
  $("w-pick").addEventListener("click", function () {
    if (duplicate && duplicate.status !== "present") addMark(duplicate, "present");
    resetWalkin();
    sync();
  });
  $("search").addEventListener("input", filter);
  $("sync-now").addEventListener("click", sync);
  window.addEventListener("online", sync);
  setInterval(sync, 15000);

  // The site's service worker (courses) keeps a copy of this page and its script, so the roll
  // call also opens with no signal once it has been opened with signal.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }

  loadRoster().catch(function () {
    if (!roster) {
      $("empty").hidden = false;
      $("empty").textContent = T.no_roster;
      throw new Error("no roster");
    }
  }).then(function () { render(); sync(); }).catch(function () { showStatus(); });
})();
