/* "Check a certificate", with or without a connection.

   A certificate's QR code holds its verify URL and, after "#", a CBOR Web Token signed with
   COSE_Sign1 / Ed25519 (see certificates/signing.py), base64url, zlib-deflated when that was
   shorter. This screen reads the QR code (BarcodeDetector, or jsQR where the browser has
   none), checks the signature against the key list synced from
   /.well-known/certificate-keys.json (WebCrypto Ed25519, or @noble/ed25519 where WebCrypto
   lacks it) and looks the serial up in the revocation list synced when online.
   The service worker keeps this page and its scripts (hook `offline_shell_urls`). */
(function () {
  "use strict";
  var root = document.getElementById("check");
  if (!root) return;
  var T = JSON.parse(document.getElementById("check-texts").textContent);
  var KEYS = "certificates.keys", REVOCATIONS = "certificates.revocations";
  var result = document.getElementById("result"), syncLine = document.getElementById("sync");
  var CLAIM_CERTIFICATE = -65537, HEADER_ALG = 1, HEADER_KID = 4, EDDSA = -8;

  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_m, k) { return values[k] == null ? "" : values[k]; });
  }
  function load(name) {
    try { return JSON.parse(localStorage.getItem(name) || "null"); } catch (e) { return null; }
  }
  function when(iso) {
    if (!iso) return "";
    var d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString(document.documentElement.lang || undefined);
  }

  // --- Sync: keys and revocations, whenever there is a connection ----------------------
  function showSync(online) {
    var revocations = load(REVOCATIONS);
    if (!revocations) { syncLine.textContent = T.never_synced; return; }
    syncLine.textContent = fill(online ? T.synced : T.sync_old, { date: when(revocations.synced_at) });
    syncLine.dataset.synced = revocations.synced_at;
  }
  function fetchJson(url) {
    return fetch(url, { cache: "no-store", credentials: "omit" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }
  function sync() {
    return Promise.all([fetchJson(root.dataset.keysUrl), fetchJson(root.dataset.revocationsUrl)])
      .then(function (both) {
        var now = new Date().toISOString();
        both[0].synced_at = now; both[1].synced_at = now;
        localStorage.setItem(KEYS, JSON.stringify(both[0]));
        localStorage.setItem(REVOCATIONS, JSON.stringify(both[1]));
        showSync(true);
      })
      .catch(function () { showSync(false); });
  }

  // --- Decoding -------------------------------------------------------------------------
  function b64urlBytes(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var bin = atob(b64), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function inflate(bytes) {
    if (typeof DecompressionStream === "function") {
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
      return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
    }
    return Promise.resolve(fflate.unzlibSync(bytes));
  }
  var decoder = new CBOR.Decoder({ mapsAsObjects: false, useRecords: false });
  var encoder = new CBOR.Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false });
  function get(map, key) { return map instanceof Map ? map.get(key) : map && map[key]; }
  function bytes(value) {
    if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    throw new Error("not bytes");
  }
  function text(value) { return new TextDecoder().decode(value); }

  function parse(payloadText) {
    var raw = b64urlBytes(payloadText);
    var body = raw[0] === 0x78 ? inflate(raw) : Promise.resolve(raw);
    return body.then(function (cose) {
      var message = decoder.decode(cose);
      if (message && message.tag !== undefined) {
        if (message.tag !== 18) throw new Error("not COSE_Sign1");
        message = message.value;
      }
      if (!Array.isArray(message) || message.length !== 4) throw new Error("not COSE_Sign1");
      var protectedBytes = bytes(message[0]), payload = bytes(message[2]), signature = bytes(message[3]);
      var header = protectedBytes.length ? decoder.decode(protectedBytes) : new Map();
      var kid = get(header, HEADER_KID) || get(message[1], HEADER_KID);
      if (get(header, HEADER_ALG) !== EDDSA || !kid) throw new Error("not EdDSA");
      return {
        kid: text(bytes(kid)),
        signature: signature,
        signed: encoder.encode(["Signature1", protectedBytes, new Uint8Array(0), payload]),
        claims: decoder.decode(payload)
      };
    });
  }

  // --- Ed25519: the browser's own, else @noble/ed25519 ---------------------------------
  function verifyWebCrypto(jwk, signature, message) {
    return crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jwk.x }, { name: "Ed25519" }, false, ["verify"])
      .then(function (key) { return crypto.subtle.verify({ name: "Ed25519" }, key, signature, message); });
  }
  var noble = null;
  function verifyNoble(jwk, signature, message) {
    noble = noble || import(root.dataset.nobleUrl);
    return noble.then(function (ed) { return ed.verifyAsync(signature, message, b64urlBytes(jwk.x)); });
  }
  function verifySignature(jwk, signature, message) {
    return verifyWebCrypto(jwk, signature, message)
      .then(function (ok) { return { ok: ok, engine: "webcrypto" }; })
      .catch(function () {
        // No Ed25519 in this browser's WebCrypto (older Android WebViews).
        return verifyNoble(jwk, signature, message).then(function (ok) { return { ok: ok, engine: "noble" }; });
      });
  }

  // --- Checking -------------------------------------------------------------------------
  function show(kind, title, help, claims, engine) {
    result.className = "result verdict " + kind;
    result.dataset.verdict = kind;
    if (engine) result.dataset.engine = engine;
    result.textContent = "";
    var h = document.createElement("p"); h.className = "big"; h.textContent = title; result.appendChild(h);
    var p = document.createElement("p"); p.textContent = help; result.appendChild(p);
    if (claims) {
      var dl = document.createElement("dl"); dl.className = "facts";
      [["holder", "n"], ["achievement", "a"], ["date", "d"], ["issuer", "iss"], ["serial", "s"]].forEach(function (row) {
        var dt = document.createElement("dt"), dd = document.createElement("dd");
        dt.textContent = T[row[0]]; dd.textContent = claims[row[1]] || "";
        dd.className = row[0];
        dl.appendChild(dt); dl.appendChild(dd);
      });
      result.appendChild(dl);
    }
  }
  function certificateOf(claims) {
    var c = get(claims, CLAIM_CERTIFICATE);
    if (!c) throw new Error("not a certificate");
    return {
      s: get(c, "s"), n: get(c, "n"), a: get(c, "a"), k: get(c, "k"),
      d: new Date(get(c, "d") + "T00:00:00").toLocaleDateString(document.documentElement.lang || undefined),
      iss: get(claims, 1)
    };
  }

  function check(scanned) {
    scanned = (scanned || "").trim();
    var hash = scanned.indexOf("#");
    var payloadText = hash >= 0 ? scanned.slice(hash + 1) : scanned;
    if (!/^[A-Za-z0-9_-]{20,}$/.test(payloadText)) {
      show("bad", T.invalid, T.not_certificate);
      return Promise.resolve();
    }
    var keys = load(KEYS);
    if (!keys || !keys.keys) {
      show("bad", T.invalid, T.no_keys);
      return Promise.resolve();
    }
    return parse(payloadText).then(function (parsed) {
      var jwk = keys.keys.filter(function (k) { return k.kid === parsed.kid && k.kty === "OKP" && k.crv === "Ed25519"; })[0];
      if (!jwk) { show("bad", T.invalid, T.unknown_key); return; }
      return verifySignature(jwk, parsed.signature, parsed.signed).then(function (outcome) {
        if (!outcome.ok) { show("bad", T.invalid, T.invalid_help, null, outcome.engine); return; }
        var cert = certificateOf(parsed.claims);
        var revocations = load(REVOCATIONS) || { revoked: [], replaced: [] };
        var date = when(revocations.synced_at);
        if (revocations.revoked.indexOf(cert.s) >= 0) {
          show("bad", T.revoked, fill(T.revoked_help, { date: date }), cert, outcome.engine);
        } else if (revocations.replaced.indexOf(cert.s) >= 0) {
          show("old", T.replaced, fill(T.replaced_help, { date: date }), cert, outcome.engine);
        } else {
          show("good", T.valid, T.valid_help, cert, outcome.engine);
        }
      });
    }).catch(function () { show("bad", T.invalid, T.invalid_help); });
  }

  // --- Reading the QR code --------------------------------------------------------------
  var detector = null;
  if ("BarcodeDetector" in window) {
    try { detector = new BarcodeDetector({ formats: ["qr_code"] }); } catch (e) { detector = null; }
  }
  var canvas = document.createElement("canvas"), context = canvas.getContext("2d", { willReadFrequently: true });
  function readQr(source, width, height) {
    if (detector) {
      return detector.detect(source).then(function (codes) {
        return codes.length ? codes[0].rawValue : readWithJsQr(source, width, height);
      }).catch(function () { return readWithJsQr(source, width, height); });
    }
    return Promise.resolve(readWithJsQr(source, width, height));
  }
  function readWithJsQr(source, width, height) {
    if (!width || !height) return null;
    var scale = Math.min(1, 1280 / Math.max(width, height));
    canvas.width = Math.round(width * scale); canvas.height = Math.round(height * scale);
    context.drawImage(source, 0, 0, canvas.width, canvas.height);
    var image = context.getImageData(0, 0, canvas.width, canvas.height);
    var code = jsQR(image.data, image.width, image.height, { inversionAttempts: "attemptBoth" });
    return code ? code.data : null;
  }

  var video = document.getElementById("video"), scanButton = document.getElementById("scan");
  var stream = null;
  function stopCamera() {
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null; video.hidden = true; scanButton.dataset.scanning = "";
  }
  function scanFrame() {
    if (!stream) return;
    if (video.readyState < 2) { setTimeout(scanFrame, 200); return; }
    readQr(video, video.videoWidth, video.videoHeight).then(function (value) {
      if (value) { stopCamera(); check(value); } else { setTimeout(scanFrame, 250); }
    });
  }
  scanButton.addEventListener("click", function () {
    if (stream) { stopCamera(); return; }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { show("bad", T.invalid, T.camera_error); return; }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (s) {
      stream = s; video.srcObject = s; video.hidden = false; scanButton.dataset.scanning = "1";
      result.className = "result"; result.textContent = T.scanning;
      return video.play().then(scanFrame);
    }).catch(function () { stopCamera(); show("bad", T.invalid, T.camera_error); });
  });

  document.getElementById("photo").addEventListener("change", function (e) {
    var file = e.target.files && e.target.files[0];
    if (!file) return;
    createImageBitmap(file).then(function (bitmap) {
      return readQr(bitmap, bitmap.width, bitmap.height);
    }).then(function (value) {
      if (value) return check(value);
      show("bad", T.invalid, T.no_qr);
    }).catch(function () { show("bad", T.invalid, T.no_qr); });
    e.target.value = "";
  });

  document.getElementById("paste").addEventListener("submit", function (e) {
    e.preventDefault();
    check(document.getElementById("link").value);
  });

  window.addEventListener("online", sync);
  window.addEventListener("offline", function () { showSync(false); });
  showSync(navigator.onLine);
  var ready = navigator.onLine ? sync() : Promise.resolve();
  ready.then(function () {
    root.dataset.ready = "1";
    if (location.hash.length > 1) check(location.href);
  });
})();
