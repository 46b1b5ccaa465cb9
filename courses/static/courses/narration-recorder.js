/* Wagtail admin: record a narration from the microphone (MediaRecorder) into the narration
   form's file input, on the narration's own page or in the "Record or upload" tab of a
   step's chooser. The server converts what is recorded (Opus in WebM in Chromium, AAC in MP4
   in Safari) to MP3 for every phone. Loaded by a Wagtail hook as a file: no inline script.
   The words come from the input's data attributes, in the editor's language. */
(function () {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function fmt(text, n) { return text.replace("%(n)s", n); }

  function setup(input) {
    if (input.dataset.recorderReady) return;
    input.dataset.recorderReady = "1";
    var d = input.dataset, box = el("div", "narration-recorder");
    var status = el("p", "help", "");
    status.setAttribute("role", "status");
    input.parentNode.insertBefore(box, input);
    if (!window.MediaRecorder || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      status.textContent = d.unsupported;
      box.appendChild(status);
      return;
    }
    var record = el("button", "button button-small", d.record), stop = el("button", "button button-small button-secondary", d.stop);
    var preview = el("audio");
    record.type = stop.type = "button";
    stop.hidden = preview.hidden = true;
    preview.controls = true;
    box.append(record, stop, status, preview);
    var recorder = null, timer = null, started = 0;

    function seconds() { return Math.round((Date.now() - started) / 1000); }

    record.addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        var chunks = [];
        recorder = new MediaRecorder(stream);
        recorder.addEventListener("dataavailable", function (e) { if (e.data.size) chunks.push(e.data); });
        recorder.addEventListener("stop", function () {
          clearInterval(timer);
          stream.getTracks().forEach(function (t) { t.stop(); });
          var type = recorder.mimeType || "audio/webm";
          var ext = type.indexOf("mp4") >= 0 ? "m4a" : type.indexOf("ogg") >= 0 ? "ogg" : "webm";
          var blob = new Blob(chunks, { type: type });
          var files = new DataTransfer();
          files.items.add(new File([blob], "recording." + ext, { type: type }));
          input.files = files.files;
          input.dispatchEvent(new Event("change", { bubbles: true }));
          preview.src = URL.createObjectURL(blob);
          preview.hidden = false;
          status.textContent = fmt(d.recorded, seconds());
          record.hidden = false; stop.hidden = true;
        });
        started = Date.now();
        recorder.start(1000);
        record.hidden = true; stop.hidden = false; preview.hidden = true;
        status.textContent = fmt(d.recording, 0);
        timer = setInterval(function () {
          status.textContent = fmt(d.recording, seconds());
          if (seconds() >= +d.maxSeconds) recorder.stop();
        }, 500);
      }).catch(function () { status.textContent = d.denied; });
    });
    stop.addEventListener("click", function () { if (recorder && recorder.state !== "inactive") recorder.stop(); });
  }

  function scan() { [].forEach.call(document.querySelectorAll("input[type=file][data-recorder]"), setup); }
  scan();
  // The chooser's "Record or upload" tab arrives later, in a modal.
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
})();
