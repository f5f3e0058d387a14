"""This computer's IPv4 addresses, one per network interface, for the facilitator to choose where phones connect.

No guess from the host name: each interface is asked for its own address (Linux), else the addresses
the host name resolves to and the one the system would use for an outside route (no packet is sent).
The loopback address comes last: phones cannot reach it, but a browser on the laptop can.
"""

from __future__ import annotations

import ipaddress
import socket
import struct
import sys

from ..domain.records import record

SIOCGIFADDR = 0x8915  # Linux: an interface's IPv4 address


@record
class InterfaceAddress:
    address: str
    interface: str  # "wlan0", "eth0"; "" when the system does not say

    @property
    def label(self) -> str:
        return f"{self.address} ({self.interface})" if self.interface else self.address

    @property
    def loopback(self) -> bool:
        return ipaddress.ip_address(self.address).is_loopback


def _linux_addresses() -> list[InterfaceAddress]:
    import fcntl  # Unix only

    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _, name in socket.if_nameindex():
            try:
                answer = fcntl.ioctl(probe.fileno(), SIOCGIFADDR, struct.pack("256s", name.encode()[:15]))
            except OSError:
                continue  # no IPv4 address on this interface (or it is down)
            found.append(InterfaceAddress(socket.inet_ntoa(answer[20:24]), name))
    return found


def _other_addresses() -> list[InterfaceAddress]:
    found: list[InterfaceAddress] = []
    try:
        for *_, sockaddr in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(InterfaceAddress(str(sockaddr[0]), ""))
    except OSError:
        pass
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # a documentation address: only picks the route, sends nothing
            found.append(InterfaceAddress(probe.getsockname()[0], ""))
    except OSError:
        pass  # no network at all: the loopback remains
    return found


def interface_addresses() -> list[InterfaceAddress]:
    """Each address once: the real networks first, then the loopback."""
    found = _linux_addresses() if sys.platform.startswith("linux") else _other_addresses()
    found.append(InterfaceAddress("127.0.0.1", ""))
    unique: dict[str, InterfaceAddress] = {}
    for entry in found:
        if entry.address not in unique or (entry.interface and not unique[entry.address].interface):
            unique[entry.address] = entry
    return sorted(unique.values(), key=lambda e: (e.loopback, e.address))
