"""`chronik serve` as a command: loopback by default, the store left untouched, clear errors."""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from chronik.serve.demo import build_demo_db

CHRONIK = [sys.executable, "-m", "chronik"]
PROC_TCP = Path("/proc/net/tcp")


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("serve-cli") / "demo.duckdb"
    build_demo_db(db)
    return db


def test_serves_on_loopback_prints_the_url_and_never_writes_the_store(demo_db):
    before = _digest(demo_db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(CHRONIK + ["serve", "--db", str(demo_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # printed once the port is bound
        assert line.startswith(f"chronik UI: http://127.0.0.1:{port}/"), line
        url = line.split()[2]
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(url + "api/documents", params={"limit": 1}, timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read()
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["total"] > 0
        assert httpx.get(url + "search", params={"q": "Häuser"}, timeout=5).status_code == 200
        if PROC_TCP.exists():  # Linux: the port is bound to the loopback address only
            assert _listening_addresses(port) == ["0100007F"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert _digest(demo_db) == before


def _listening_addresses(port: int) -> list[str]:
    """Local addresses (hex, as the kernel lists them) listening on ``port``."""
    out = []
    for line in PROC_TCP.read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if int(hex_port, 16) == port and state == "0A":  # 0A: LISTEN
            out.append(address)
    return out


def test_busy_port_is_a_clear_error(demo_db):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = subprocess.run(CHRONIK + ["serve", "--db", str(demo_db), "--port", str(port)],
                           capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in r.stderr and "--port" in r.stderr
    assert "chronik UI" not in r.stdout


def test_missing_database_is_a_clear_error(tmp_path):
    r = subprocess.run(CHRONIK + ["serve", "--db", str(tmp_path / "nirgends.duckdb")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "no database at" in r.stderr
    assert not (tmp_path / "nirgends.duckdb").exists()  # serving never creates a store
