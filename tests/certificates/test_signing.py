"""The signed QR payload: a standard COSE_Sign1 CWT, verifiable from the published key list."""

import zlib

import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.core.exceptions import ImproperlyConfigured

from certificates import signing

CLAIMS = {
    signing.CLAIM_ISS: "Tỉnh Đoàn Lào Cai",
    signing.CLAIM_IAT: 1767225600,
    signing.CLAIM_CTI: b"code",
    signing.CLAIM_CERTIFICATE: {
        "s": "15-2026-000001",
        "n": "Giàng Thị Mỷ",
        "a": "Cài VNeID",
        "d": "2026-01-01",
        "k": "session",
        "l": "vi",
    },
}


def cose_bytes(text: str) -> bytes:
    data = signing.b64url_decode(text)
    return zlib.decompress(data) if data[:1] == b"\x78" else data


def test_the_payload_is_a_tagged_cose_sign1_with_eddsa_and_the_kid():
    ring = signing.keyring_from(signing.key_generate("2026-01"))
    text = signing.payload_sign(CLAIMS, ring)
    assert "=" not in text and "+" not in text and "/" not in text
    message = cbor2.loads(cose_bytes(text))
    assert message.tag == 18
    protected, unprotected, payload, signature = message.value
    assert cbor2.loads(protected) == {1: -8, 4: b"2026-01"}
    assert cbor2.loads(payload) == CLAIMS
    # Anyone can check it with the public key and the Sig_structure of RFC 9052 §4.4.
    public = ring.public["2026-01"]
    public.verify(signature, cbor2.dumps(["Signature1", protected, b"", payload]))
    assert signing.payload_verify(text, ring) == CLAIMS


def test_deflate_is_used_only_when_it_is_shorter():
    ring = signing.keyring_from(signing.key_generate("k"))
    long_claims = {**CLAIMS, signing.CLAIM_ISS: "Đoàn Thanh niên " * 20}
    assert signing.b64url_decode(signing.payload_sign(long_claims, ring))[:1] == b"\x78"
    short = signing.payload_sign(CLAIMS, ring)
    assert len(short) <= len(signing.b64url_encode(zlib.compress(cose_bytes(short), 9)))


def test_one_changed_character_or_an_unknown_key_is_refused():
    ring = signing.keyring_from(signing.key_generate("k"))
    text = signing.payload_sign(CLAIMS, ring)
    for i in (10, len(text) // 2, len(text) - 3):
        changed = text[:i] + ("A" if text[i] != "A" else "B") + text[i + 1 :]
        with pytest.raises(signing.PayloadError):
            signing.payload_verify(changed, ring)
    stranger = signing.keyring_from(signing.key_generate("k"))
    with pytest.raises(signing.PayloadError):
        signing.payload_verify(signing.payload_sign(CLAIMS, stranger), ring)
    for junk in ("", "not base64!", "AAAA", signing.b64url_encode(cbor2.dumps([1, 2]))):
        with pytest.raises(signing.PayloadError):
            signing.payload_verify(junk, ring)


def test_after_a_rotation_old_certificates_still_verify():
    old_key = signing.key_generate("2025")
    old_ring = signing.keyring_from(old_key)
    signed_last_year = signing.payload_sign(CLAIMS, old_ring)
    new_ring = signing.keyring_from(signing.key_generate("2026"), [signing.public_entry(old_key)])
    assert new_ring.kid == "2026"
    assert signing.payload_verify(signed_last_year, new_ring) == CLAIMS
    jwks = signing.jwk_set(new_ring)
    assert [k["kid"] for k in jwks["keys"]] == ["2026", "2025"]


def test_the_jwk_set_is_rfc_8037():
    ring = signing.keyring_from(signing.key_generate("k1"))
    (jwk,) = signing.jwk_set(ring)["keys"]
    assert jwk["kty"] == "OKP" and jwk["crv"] == "Ed25519" and jwk["kid"] == "k1"
    assert "d" not in jwk  # never the private half
    key = Ed25519PublicKey.from_public_bytes(signing.b64url_decode(jwk["x"]))
    text = signing.payload_sign(CLAIMS, ring)
    _p, _u, payload, signature = cbor2.loads(cose_bytes(text)).value
    key.verify(signature, cbor2.dumps(["Signature1", _p, b"", payload]))


def test_a_malformed_key_is_refused_with_a_clear_message():
    for bad in ("", "nokey", "kid:short", ":" + "A" * 43):
        with pytest.raises(ImproperlyConfigured, match="certificate_keygen|CERTIFICATE"):
            signing.keyring_from(bad)
