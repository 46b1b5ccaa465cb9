/* Lessons: quiz answers and completions go through the site's one outbox
   (cms/static/cms/offline.js), which keeps them on the phone until they are sent; the
   right/wrong feedback appears once the server has checked the answer. Everything here is
   an extra: the page reads and the forms work without JavaScript. */
import { me } from "../cms/site.js";
import * as outbox from "../cms/offline.js";

var art = document.querySelector("article[data-events]");
var msgs = (document.getElementById("msgs") || {}).dataset || {};
var auth = false;
var forms = {}; // record uuid → the form it came from, while this page is open

me.then(function (data) { auth = !!(data && data.authenticated); });

function say(el, text, cls) {
  if (!el) return;
  el.textContent = text;
  el.className = el.className.replace(/ (ok|bad)/g, "") + (cls ? " " + cls : "");
}
function feedback(form) { return form.querySelector(".feedback,.status"); }

outbox.events.addEventListener("result", function (e) {
  var rec = e.detail.record, res = e.detail.result, form = forms[rec.uuid];
  if (!form) return;
  delete forms[rec.uuid];
  var text = rec.data.type === "answer"
    ? [res.correct ? msgs.right : msgs.wrong].concat(res.feedback).join(" ") : msgs.done;
  if (res.course_completed) text += " " + msgs.course;
  if (e.detail.graded) text += " " + msgs.login;
  say(feedback(form), text, res.correct === false ? "bad" : "ok");
});
outbox.events.addEventListener("refused", function (e) {
  var form = forms[e.detail.record.uuid];
  if (form) say(feedback(form), e.detail.error, "bad");
});

function submit(form, ev) {
  ev.uuid = outbox.uuid();
  ev.lesson = +art.dataset.lesson;
  ev.at = new Date().toISOString();
  // An editor trying a draft in the admin preview: checked against the draft, not recorded.
  if (art.dataset.preview === "1") ev.preview = true;
  forms[ev.uuid] = form;
  say(feedback(form), "");
  outbox.add("progress", ev);
  // No answer soon (no signal): saved here, checked when the phone is online.
  setTimeout(function () { queued(form); }, navigator.onLine === false ? 0 : 1500);
}
function queued(form) {
  var out = feedback(form);
  if (out && !out.textContent) say(out, auth || form.classList.contains("quiz") ? msgs.queued : msgs.login);
}
outbox.events.addEventListener("offline", function () {
  Object.keys(forms).forEach(function (k) { queued(forms[k]); });
});

if (art) {
  art.addEventListener("submit", function (e) {
    var f = e.target;
    if (f.classList.contains("quiz")) {
      e.preventDefault();
      var ch = [].map.call(f.querySelectorAll("input[name=choice]:checked"), function (i) { return +i.value; });
      submit(f, { type: "answer", block: f.dataset.block, choices: ch });
    } else if (f.classList.contains("complete")) {
      e.preventDefault();
      submit(f, { type: "completed" });
    }
  });
  // Remember the last section reached, for "Continue where you left off".
  var last = "";
  if ("IntersectionObserver" in window) {
    var io = new IntersectionObserver(function (es) {
      es.forEach(function (x) { if (x.isIntersecting) last = x.target.dataset.block; });
    });
    [].forEach.call(art.querySelectorAll("section[data-block]"), function (s) { io.observe(s); });
  }
  addEventListener("pagehide", function () {
    if (!auth || !last) return;
    fetch(art.dataset.events, { method: "POST", keepalive: true, credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": outbox.csrf() },
      body: JSON.stringify({ lang: document.documentElement.lang,
        events: [{ type: "position", lesson: +art.dataset.lesson, position: last }] }) });
  });
}

// Narration: a big play button beside each step. The clip loads only when played
// (preload="none"); with no signal the service worker answers from what was saved.
[].forEach.call(document.querySelectorAll(".narration"), function (n) {
  var b = n.querySelector("button"), a = n.querySelector("audio");
  b.hidden = false; a.controls = false; n.parentNode.classList.add("narrated");
  b.addEventListener("click", function () {
    if (!a.paused) return a.pause();
    [].forEach.call(document.querySelectorAll(".narration audio"), function (o) { if (o !== a) o.pause(); });
    a.play().catch(function () {});
  });
  ["play", "pause", "ended"].forEach(function (t) {
    a.addEventListener(t, function () { b.setAttribute("aria-pressed", t === "play"); });
  });
});
