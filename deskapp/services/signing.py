"""Ed25519 signatures on desk snapshots: who wrote a snapshot, and that not a byte changed.

Each desk signs what it publishes with its own private key, kept in the user's data folder
(``paths.signing_key_file()``), never on the shared folder. The signature is embedded in
the snapshot file itself, so it is written and renamed into place in the same atomic step
as the snapshot: a reader sees an old signed file or a new signed file, never a new file
with an old signature.

Layout of a signed snapshot::

    [ the SQLite database: N bytes = page_size x page_count ][ trailer: 116 bytes ]
    trailer = MAGIC (12) | public key (32) | signature (64) | N (8, big-endian)

SQLite reads only the N bytes its header declares (the in-header database size), so the
trailer is invisible to it. The signature covers ``DOMAIN + SHA-256(first N bytes)``: every
byte SQLite can read, including the snapshot's ``meta`` (desk id, labels, snapshot time).
A site journal pins each desk id's public key the first time it merges that desk (trust on
first use) and refuses later snapshots of that desk signed by another key or not at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

MAGIC = b"SKRANKE-SIG1"
DOMAIN = b"skranke snapshot v1\x00"
TRAILER_SIZE = len(MAGIC) + 32 + 64 + 8
CHUNK = 4 * 1024 * 1024


class SignatureProblem(Exception):
    """A signature that does not prove the file: a plain reason, no secrets."""


@dataclass(frozen=True)
class Trailer:
    public_key: bytes  # raw 32 bytes
    signature: bytes
    length: int  # bytes of the database before the trailer

    @property
    def public_hex(self) -> str:
        return self.public_key.hex()


def load_or_create_key(path: Path) -> Ed25519PrivateKey:
    """The desk's private key at ``path``, made (readable by the user only) if missing."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)  # never replaces a key another process made meanwhile
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system: a plain rename
            if not path.exists():
                os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
        data = path.read_bytes()
    try:  # a passphrase-protected key raises TypeError, an unknown algorithm its own error
        loaded = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise SignatureProblem(f"{path} is not a readable Ed25519 key (a passphrase set on it?)") from exc
    if not isinstance(loaded, Ed25519PrivateKey):
        raise SignatureProblem(f"{path} is not an Ed25519 key")
    return loaded


def public_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(serialization.Encoding.Raw,
                                         serialization.PublicFormat.Raw).hex()


def fingerprint(public_key_hex: str) -> str:
    """A short, readable name of a public key (for reports and IT): 4 groups of 4 hex."""
    digest = hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:16]
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


def _digest(handle: io.BufferedIOBase, length: int) -> bytes:
    """SHA-256 of the next ``length`` bytes, read in big chunks into one reused buffer (a
    snapshot is 60 MB per 100,000 visits; hashing releases the GIL, so it runs beside the
    merge)."""
    hasher = hashlib.sha256()
    buffer = memoryview(bytearray(CHUNK))
    remaining = length
    while remaining:
        got = handle.readinto(buffer[:min(CHUNK, remaining)])
        if not got:
            raise SignatureProblem("the file is shorter than its signature says")
        hasher.update(buffer[:got])
        remaining -= got
    return hasher.digest()


def sign_file(path: Path, key: Ed25519PrivateKey) -> None:
    """Append the trailer to the finished database at ``path`` and flush it to disk."""
    with path.open("r+b") as handle:
        length = os.fstat(handle.fileno()).st_size
        signature = key.sign(DOMAIN + _digest(handle, length))
        public = bytes.fromhex(public_hex(key))
        handle.seek(length)
        handle.write(MAGIC + public + signature + length.to_bytes(8, "big"))
        handle.flush()
        os.fsync(handle.fileno())


def read_trailer(path: Path) -> Trailer | None:
    """The trailer of a signed snapshot, or None for an unsigned file."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size < TRAILER_SIZE:
            return None
        handle.seek(size - TRAILER_SIZE)
        tail = handle.read(TRAILER_SIZE)
    if not tail.startswith(MAGIC):
        return None
    public = tail[len(MAGIC):len(MAGIC) + 32]
    signature = tail[len(MAGIC) + 32:len(MAGIC) + 96]
    length = int.from_bytes(tail[-8:], "big")
    if length != size - TRAILER_SIZE:
        raise SignatureProblem("the signature does not sit at the end of the file")
    return Trailer(public, signature, length)


def verify(path: Path, trailer: Trailer) -> os.stat_result:
    """Check every byte before the trailer against its signature; SignatureProblem if not.
    Returns the file's status as hashed (the caller checks it is the file it then reads)."""
    with path.open("rb") as handle:
        status = os.fstat(handle.fileno())
        if status.st_size != trailer.length + TRAILER_SIZE:
            raise SignatureProblem("the file changed size since its signature was read")
        digest = _digest(handle, trailer.length)
    try:
        Ed25519PublicKey.from_public_bytes(trailer.public_key).verify(trailer.signature, DOMAIN + digest)
    except (InvalidSignature, ValueError) as exc:
        raise SignatureProblem("the signature does not match the content (changed after it "
                               "was signed, or damaged)") from exc
    return status
