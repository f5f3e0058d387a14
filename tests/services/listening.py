"""Which TCP ports this process listens on, read from Linux's /proc (None elsewhere)."""

from __future__ import annotations

import ipaddress
import os
import socket
import struct
from pathlib import Path


def _own_socket_inodes() -> set[str]:
    inodes = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def _address(hex_address: str) -> str:
    raw = bytes.fromhex(hex_address)
    if len(raw) == 4:
        return socket.inet_ntoa(struct.pack("<I", int(hex_address, 16)))
    words = struct.unpack("<4I", raw)
    return str(ipaddress.IPv6Address(struct.pack(">4I", *words)))


def listening() -> set[tuple[str, int]] | None:
    """(address, port) of every TCP socket of this process in LISTEN state."""
    if not Path("/proc/net/tcp").exists():
        return None
    inodes = _own_socket_inodes()
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:
                address, port = local.split(":")
                found.add((_address(address), int(port, 16)))
    return found
