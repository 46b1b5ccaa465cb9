/* Roll call that works with no signal.
 *
 * New registrations and marks go into the site's one outbox (cms/static/cms/offline.js),
 * each with a uuid made here, so sending it twice is harmless: the server ignores uuids it
 * has seen. The roster is kept on the phone beside it (IndexedDB), and forgotten when the
 * trainer signs out. The page shows how many records wait, those the server refused with
 * its reason, and asks to log in again when the login expired (nothing is lost). */
import "../cms/site.js";
import * as outbox from "../cms/offline.js";

(function () {
  "use strict";
  var root = document.getElementById("rollcall");
  if (!root) return;
  var T = JSON.parse(document.getElementById("rollcall-text").textContent);
  // The page is the same for every session (the offline shell): the address names it.
  var SESSION = (location.pathname.match(/\/sessions\/([0-9a-f-]{36})\/roll-call\//) || [])[1];
  if (!SESSION) return;
  var ROSTER_URL = "/api/attendance/sessions/" + SESSION + "/roster";
  var ROSTER_KEY = "roster:" + SESSION;
  var $ = function (id) { return document.getElementById(id); };

  // Same rule as trainees.models.normalise_name: "Nguyễn Thị" → "nguyen thi".
  function norm(s) {
    return (s || "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }
  var uuid4 = outbox.uuid;
  function store() { return outbox.kept.set(ROSTER_KEY, roster); }
  function fmt(s, values) {
    return s.replace(/%\((\w+)\)s/g, function (_, k) { return values[k]; });
  }

  var roster = null; // {session, villages, people}, kept on the phone
  var waiting = [], failed = [], signin = false;
  var list = $("roster");

  function personKey(p) { return p.id ? "id:" + p.id : "u:" + p.uuid; }

  // What the outbox holds for roll calls: waiting, and refused (kept visible).
  function refresh() {
    return outbox.records("attendance").then(function (items) {
      waiting = items.filter(function (r) { return r.state === "waiting"; });
      failed = items.filter(function (r) { return r.state === "refused"; })
        .map(function (r) { return { record: r.data.record, message: r.error }; });
    });
  }

  function pendingCount() { return waiting.length; }

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
    var login = $("sync-login");
    if (login) login.hidden = !(signin && n);
    if (roster && $("session-title")) $("session-title").textContent = roster.session.title;
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
    var rec = { type: "mark", uuid: mark.uuid, record: mark };
    waiting.push({ uuid: mark.uuid, kind: "attendance", data: rec, state: "waiting" });
    return store().then(function () { return outbox.add("attendance", rec); });
  }

  // One tap marks present; a second tap undoes it (recorded as absent, kept in the trail).
  function toggle(p, li) {
    addMark(p, p.status === "present" || p.status === "late" ? "absent" : "present");
    paint(p, li);
    showStatus();
  }

  // Marks still waiting here are newer than anything the server sent.
  function overlayQueue() {
    var byKey = {};
    roster.people.forEach(function (p) { byKey[personKey(p)] = p; });
    waiting.forEach(function (r) {
      var m = r.data.record;
      if (r.data.type !== "mark" || m.session !== SESSION) return;
      var p = byKey[m.person_id ? "id:" + m.person_id : "u:" + m.person_uuid];
      if (p) { p.status = m.status; p.recorded_at = m.recorded_at; }
    });
  }

  function loadRoster() {
    return fetch(ROSTER_URL, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        var local = roster ? roster.people.filter(function (p) { return !p.id; }) : [];
        data.people = data.people.concat(local.filter(function (p) {
          return !data.people.some(function (s) { return s.uuid === p.uuid; });
        }));
        roster = data;
        overlayQueue();
        return store();
      });
  }

  function sync() {
    return outbox.flush().then(refresh).then(showStatus);
  }

  // A registration the server took: the person's id replaces the phone's uuid.
  outbox.events.addEventListener("result", function (e) {
    var rec = e.detail.record;
    if (rec.kind !== "attendance" || !roster) return;
    var people = e.detail.result.people || {};
    roster.people.forEach(function (p) { if (!p.id && people[p.uuid]) p.id = people[p.uuid]; });
    signin = false;
    store();
  });
  outbox.events.addEventListener("signin", function () { signin = true; showStatus(); });
  outbox.events.addEventListener("change", function () { refresh().then(showStatus); });

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
    var reg = { type: "registration", uuid: r.uuid, record: r };
    waiting.push({ uuid: r.uuid, kind: "attendance", data: reg, state: "waiting" });
    outbox.add("attendance", reg);
    var person = {
      id: null, uuid: r.uuid, full_name: r.full_name, name_key: key, birth_year: r.birth_year,
      gender: r.gender, village_id: r.village_id, household: r.household, status: null
    };
    roster.people.push(person);
    addMark(person, "present");
    $("search").value = "";
    resetWalkin();
  }

  $("walkin-form").addEventListener("submit", function (e) { e.preventDefault(); addWalkin(false); });
  $("w-new").addEventListener("click", function () { addWalkin(true); });
  $("w-pick").addEventListener("click", function () {
    if (duplicate && duplicate.status !== "present") addMark(duplicate, "present");
    resetWalkin();
  });
  $("search").addEventListener("input", filter);
  $("sync-now").addEventListener("click", sync);

  outbox.migrated.then(function () { return outbox.kept.get(ROSTER_KEY); }).then(function (local) {
    roster = local || null;
    return refresh();
  }).then(function () { if (roster) overlayQueue(); return loadRoster(); }).catch(function () {
    if (!roster) {
      $("empty").hidden = false;
      $("empty").textContent = T.no_roster;
      throw new Error("no roster");
    }
  }).then(function () { render(); sync(); }).catch(function () { showStatus(); });
})();
