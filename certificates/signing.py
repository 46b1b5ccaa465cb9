"""The signed payload in a certificate's QR code, and the published key list.

A certificate's QR code holds its verify URL, and after `#` a CBOR Web Token (RFC 8392)
signed with COSE_Sign1 (RFC 9052) using Ed25519 ("EdDSA", alg -8), as the EU Digital COVID
Certificate does: anyone holding the public key list can check it with no connection.

- Protected header: `{1: -8, 4: kid}` (algorithm and key id, the key id as UTF-8 bytes).
- Claims: `1` iss (the issuing organisation), `6` iat (issue time), `7` cti (the
  certificate's verification code), and in the private-use claim `-65537` (RFC 8392 §9.1
  leaves integers below -65536 to private use) the certificate itself: `s` serial, `n` name,
  `a` achievement, `d` date (ISO), `k` kind, `l` language.
- The tagged COSE_Sign1 bytes are deflated with zlib when that makes them shorter (a zlib
  stream starts with 0x78, a tagged COSE_Sign1 with 0xD2, so a reader can tell), then
  written as base64url without padding.

Keys come from settings: `CERTIFICATE_SIGNING_KEY` ("<kid>:<base64url 32-byte Ed25519
private key>") signs new certificates; `CERTIFICATE_RETIRED_KEYS` ("<kid>:<base64url public
key>", comma-separated) are older keys, still published so certificates they signed keep
verifying after a rotation. `/.well-known/certificate-keys.json` publishes all of them as a
JWK Set (RFC 7517/8037: OKP, Ed25519).
"""

from __future__ import annotations

import base64
import functools
import zlib
from dataclasses import dataclass

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

COSE_SIGN1_TAG = 18
COSE_ALG_EDDSA = -8
HEADER_ALG = 1
HEADER_KID = 4
CLAIM_ISS = 1
CLAIM_IAT = 6
CLAIM_CTI = 7
CLAIM_CERTIFICATE = -65537


class PayloadError(ValueError):
    """The payload is not a certificate signed by one of our keys."""


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    text = text.strip()
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _split(entry: str, what: str) -> tuple[str, bytes]:
    kid, sep, key = entry.strip().partition(":")
    try:
        raw = b64url_decode(key) if sep else b""
    except ValueError:
        raw = b""
    if not kid or len(raw) != 32:
        raise ImproperlyConfigured(
            f"{what} must be '<key id>:<base64url of 32 bytes>'; "
            "`python manage.py certificate_keygen` makes one."
        )
    return kid, raw


@dataclass(frozen=True)
class KeyRing:
    kid: str
    private: Ed25519PrivateKey
    public: dict[str, Ed25519PublicKey]  # kid → key, the signing key's first


def keyring_from(signing: str, retired: list[str] | tuple[str, ...] = ()) -> KeyRing:
    if not signing:
        raise ImproperlyConfigured(
            "Set CERTIFICATE_SIGNING_KEY to sign certificates; "
            "`python manage.py certificate_keygen` makes one."
        )
    kid, seed = _split(signing, "CERTIFICATE_SIGNING_KEY")
    private = Ed25519PrivateKey.from_private_bytes(seed)
    public = {kid: private.public_key()}
    for entry in retired:
        if entry.strip():
            old_kid, raw = _split(entry, "CERTIFICATE_RETIRED_KEYS")
            public.setdefault(old_kid, Ed25519PublicKey.from_public_bytes(raw))
    return KeyRing(kid=kid, private=private, public=public)


@functools.cache
def _keyring(signing: str, retired: tuple[str, ...]) -> KeyRing:
    return keyring_from(signing, retired)


def keyring() -> KeyRing:
    return _keyring(settings.CERTIFICATE_SIGNING_KEY, tuple(settings.CERTIFICATE_RETIRED_KEYS))


def key_generate(kid: str) -> str:
    """A new signing key in the form CERTIFICATE_SIGNING_KEY takes."""
    seed = Ed25519PrivateKey.generate().private_bytes_raw()
    return f"{kid}:{b64url_encode(seed)}"


def public_entry(signing: str) -> str:
    """The CERTIFICATE_RETIRED_KEYS entry for a signing key, to keep it after a rotation."""
    ring = keyring_from(signing)
    raw = ring.public[ring.kid].public_bytes(Encoding.Raw, PublicFormat.Raw)
    return f"{ring.kid}:{b64url_encode(raw)}"


def jwk_set(ring: KeyRing | None = None) -> dict:
    ring = ring or keyring()
    return {
        "keys": [
            {
                "kty": "OKP",
                "crv": "Ed25519",
                "alg": "EdDSA",
                "use": "sig",
                "kid": kid,
                "x": b64url_encode(key.public_bytes(Encoding.Raw, PublicFormat.Raw)),
            }
            for kid, key in ring.public.items()
        ]
    }


def _sig_structure(protected: bytes, payload: bytes) -> bytes:
    return cbor2.dumps(["Signature1", protected, b"", payload])


def payload_sign(claims: dict, ring: KeyRing | None = None) -> str:
    """Sign `claims` as a CWT in a COSE_Sign1; return the QR fragment text."""
    ring = ring or keyring()
    protected = cbor2.dumps({HEADER_ALG: COSE_ALG_EDDSA, HEADER_KID: ring.kid.encode()})
    payload = cbor2.dumps(claims)
    signature = ring.private.sign(_sig_structure(protected, payload))
    cose = cbor2.dumps(cbor2.CBORTag(COSE_SIGN1_TAG, [protected, {}, payload, signature]))
    deflated = zlib.compress(cose, 9)
    return b64url_encode(deflated if len(deflated) < len(cose) else cose)


def payload_verify(text: str, ring: KeyRing | None = None) -> dict:
    """The claims of a QR fragment, or PayloadError if it is not genuine."""
    ring = ring or keyring()
    try:
        data = b64url_decode(text)
        if data[:1] == b"\x78":
            data = zlib.decompressobj().decompress(data, 4096)
        message = cbor2.loads(data)
        if isinstance(message, cbor2.CBORTag):
            if message.tag != COSE_SIGN1_TAG:
                raise PayloadError("not a COSE_Sign1")
            message = message.value
        protected, unprotected, payload, signature = message
        header = cbor2.loads(protected) if protected else {}
        kid = header.get(HEADER_KID) or (unprotected or {}).get(HEADER_KID)
        if header.get(HEADER_ALG) != COSE_ALG_EDDSA or not isinstance(kid, bytes):
            raise PayloadError("not signed with EdDSA")
        key = ring.public.get(kid.decode("utf-8", "replace"))
        if key is None:
            raise PayloadError("signed by an unknown key")
        key.verify(signature, _sig_structure(protected, payload))
        claims = cbor2.loads(payload)
    except PayloadError:
        raise
    except (
        InvalidSignature,
        cbor2.CBORDecodeError,
        ValueError,
        TypeError,
        KeyError,
        zlib.error,
    ) as e:
        # Whatever was scanned, a malformed payload is simply "not genuine".
        raise PayloadError(str(e) or e.__class__.__name__) from e
    if not isinstance(claims, dict) or not isinstance(claims.get(CLAIM_CERTIFICATE), dict):
        raise PayloadError("not a certificate")
    return claims
