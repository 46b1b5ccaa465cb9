/* A session's certificates: "n of m ready" and the progress bar follow the workers, without a
   reload, until every certificate is ready. */
(function () {
  "use strict";
  var box = document.getElementById("progress");
  if (!box) return;
  var text = document.getElementById("progress-text"), bar = document.getElementById("progress-bar");
  var delay = 2000;
  function poll() {
    fetch(box.dataset.url, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (counts) {
        text.textContent = counts.text;
        bar.max = Math.max(counts.total, 1); bar.value = counts.ready;
        box.dataset.ready = counts.ready; box.dataset.total = counts.total;
        if (counts.ready + counts.failed < counts.total) setTimeout(poll, delay);
      })
      .catch(function () { delay = Math.min(delay * 2, 30000); setTimeout(poll, delay); });
  }
  if (+box.dataset.ready < +box.dataset.total) setTimeout(poll, delay);
})();
