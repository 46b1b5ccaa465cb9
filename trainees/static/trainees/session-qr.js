/* The session's check-in QR code: a new signed code every 30 seconds, so a photo of an old
   code soon stops working. */
(function () {
  "use strict";
  var img = document.getElementById("qr");
  if (!img) return;
  setInterval(function () { img.src = img.dataset.src + "?r=" + Date.now(); }, 30000);
})();
