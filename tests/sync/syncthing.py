"""Two real Syncthing instances on loopback, sharing one folder: the two machines of a person who keeps
legday's data in Syncthing, in one test.

    with SyncthingPair.start(tmp_path) as pair:
        (pair.a.folder / "x.toml").write_text("...")
        pair.wait_in_sync()
        assert (pair.b.folder / "x.toml").read_text() == "..."

Each instance has its own home (keys, config, database) and its own folder, its GUI/REST API on a free
loopback port behind an API key, and listens for the other on another loopback port. Nothing leaves the
machine: global and local discovery, relays, NAT traversal, STUN, usage and crash reporting and
upgrades are all off, and each device knows the other by its ID and loopback address. The shared folder
is watched for changes (1 s delay) and rescanned every few seconds, and ``scan()`` asks for a scan at once.

Everything waits by polling the REST API for a condition, with a generous timeout: no fixed sleeps.
``close()`` (the context manager, and a finalizer should a test forget it) shuts both down and kills
whatever is left, so no syncthing process outlives the test.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import weakref
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FOLDER_ID = "legday"
TIMEOUT = 60.0  # generous: a loaded CI machine with two cores shared by other jobs
POLL = 0.05

# Options that keep an instance on loopback and quiet (config.xml, <options>).
OFFLINE_OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",  # usage reporting: declined
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "startBrowser": "false",
    "stunKeepaliveStartS": "0",  # 0: no STUN
    "announceLANAddresses": "false",
    "reconnectionIntervalS": "1",  # dial the other device every second until it answers
    "setLowPriority": "false",
}


def installed() -> str | None:
    """The path of the syncthing program, or None."""
    return shutil.which("syncthing")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SyncthingError(RuntimeError):
    pass


@dataclass
class Instance:
    """One Syncthing: its home (config, keys, database), its shared folder and its REST API."""

    name: str
    home: Path
    folder: Path
    gui_port: int
    listen_port: int
    api_key: str
    device_id: str = ""
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def log(self) -> Path:
        return self.home / "syncthing.log"

    @property
    def short_id(self) -> str:
        """The 7 characters Syncthing puts in the names of conflict copies made from this device's version."""
        return self.device_id[:7]

    def generate(self) -> None:
        self.home.mkdir(parents=True)
        self.folder.mkdir(parents=True)
        (self.folder / ".stfolder").mkdir()  # Syncthing's marker: the folder is there and meant
        out = subprocess.run(
            [installed() or "syncthing", "generate", f"--home={self.home}", "--no-default-folder"],
            env=self._env(),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=True,
        )
        root = ET.parse(self.home / "config.xml").getroot()
        device = root.find("device")
        if device is None:
            raise SyncthingError(f"syncthing generate wrote no device: {out.stdout}{out.stderr}")
        self.device_id = device.attrib["id"]

    def configure(self, other: Instance, rescan_s: int) -> None:
        """Write config.xml: loopback only, the other device known, the one shared folder."""
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        gui = root.find("gui")
        assert gui is not None
        _set(gui, "address", f"127.0.0.1:{self.gui_port}")
        _set(gui, "apikey", self.api_key)
        gui.attrib["tls"] = "false"
        options = root.find("options")
        assert options is not None
        _set(options, "listenAddress", f"tcp://127.0.0.1:{self.listen_port}")
        for key, value in OFFLINE_OPTIONS.items():
            _set(options, key, value)
        for element in root.findall("device") + root.findall("folder"):
            root.remove(element)
        for device_id, name, port in (
            (self.device_id, self.name, self.listen_port),
            (other.device_id, other.name, other.listen_port),
        ):
            device = ET.SubElement(
                root,
                "device",
                {"id": device_id, "name": name, "compression": "metadata", "introducer": "false"},
            )
            ET.SubElement(device, "address").text = f"tcp://127.0.0.1:{port}"
            ET.SubElement(device, "paused").text = "false"
            ET.SubElement(device, "autoAcceptFolders").text = "false"
        folder = ET.SubElement(
            root,
            "folder",
            {
                "id": FOLDER_ID,
                "label": FOLDER_ID,
                "path": str(self.folder),
                "type": "sendreceive",
                "rescanIntervalS": str(rescan_s),
                "fsWatcherEnabled": "true",
                "fsWatcherDelayS": "1",
                "ignorePerms": "false",
                "autoNormalize": "true",
            },
        )
        for device_id in (self.device_id, other.device_id):
            ET.SubElement(folder, "device", {"id": device_id, "introducedBy": ""})
        ET.SubElement(folder, "minDiskFree", {"unit": "%"}).text = "0"
        ET.SubElement(folder, "maxConflicts").text = "10"
        ET.SubElement(folder, "paused").text = "false"
        tree.write(path)

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ST")}
        # One process (no monitor that restarts a child), no upgrades, and a home of its own so that
        # nothing is written to the real user's folders.
        env.update(STNORESTART="1", STNOUPGRADE="1", HOME=str(self.home), STNODEFAULTFOLDER="1")
        return env

    def launch(self) -> None:
        command = [installed() or "syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart"]
        # Should the test process itself be killed (no finalizer runs then), the kernel kills syncthing too.
        if shutil.which("setpriv"):
            command = ["setpriv", "--pdeathsig", "KILL", *command]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                command,
                env=self._env(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, killed whole in stop()
            )

    # -- REST -------------------------------------------------------------------------------------

    def api(self, method: str, path: str, body: Any = None, timeout: float = 10.0) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            data=data,
            method=method,
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
        return json.loads(text) if text.strip() else None

    def get(self, path: str) -> Any:
        return self.api("GET", path)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            try:
                self.api("POST", "/rest/system/shutdown", timeout=2.0)
                process.wait(timeout=5.0)
            except (OSError, urllib.error.URLError, subprocess.TimeoutExpired, ValueError):
                pass
        if process.poll() is None:  # (killed only while the leader is unreaped: its id is still ours)
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10.0)


def _set(parent: ET.Element, tag: str, text: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = ET.SubElement(parent, tag)
    element.text = text


def _stop_all(instances: list[Instance]) -> None:
    for instance in instances:
        instance.stop()


class SyncthingPair:
    """Two instances, ``a`` and ``b``, sharing the folder ``FOLDER_ID``."""

    def __init__(self, root: Path, rescan_s: int = 3):
        self.root = Path(root)
        self.a = Instance("a", self.root / "a-home", self.root / "a", free_port(), free_port(), "key-a")
        self.b = Instance("b", self.root / "b-home", self.root / "b", free_port(), free_port(), "key-b")
        self._finalizer = weakref.finalize(self, _stop_all, [self.a, self.b])
        self.rescan_s = rescan_s

    @classmethod
    @contextmanager
    def start(cls, root: Path, rescan_s: int = 3) -> Iterator[SyncthingPair]:
        """Both instances up, connected, and the (empty) folder in sync; both stopped on the way out."""
        pair = cls(root, rescan_s)
        try:
            pair.launch()
            yield pair
        finally:
            pair.close()

    @property
    def instances(self) -> tuple[Instance, Instance]:
        return self.a, self.b

    def launch(self) -> None:
        for instance in self.instances:
            instance.generate()
        self.a.configure(self.b, self.rescan_s)
        self.b.configure(self.a, self.rescan_s)
        for instance in self.instances:
            instance.launch()
        self.wait_for(self._answering, "both REST APIs to answer")
        self.wait_connected()
        self.wait_in_sync()

    def close(self) -> None:
        self._finalizer()

    # -- waiting ----------------------------------------------------------------------------------

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = TIMEOUT) -> None:
        """Poll ``condition`` until it holds; SyncthingError (with both logs) after ``timeout``."""
        deadline = time.monotonic() + timeout
        last: Exception | None = None
        while True:
            for instance in self.instances:
                if instance.process is not None and not instance.alive():
                    raise SyncthingError(
                        f"syncthing {instance.name} exited while waiting for {what}\n{self._logs()}"
                    )
            try:
                if condition():
                    return
                last = None
            except (OSError, urllib.error.URLError, ValueError, KeyError) as err:
                last = err  # not up yet, or between states
            if time.monotonic() > deadline:
                raise SyncthingError(
                    f"timed out after {timeout:.0f} s waiting for {what} (last: {last!r})\n{self._logs()}"
                )
            time.sleep(POLL)

    def _logs(self) -> str:
        return "\n".join(f"--- syncthing {i.name} log ---\n{i.log_tail()}" for i in self.instances)

    def _answering(self) -> bool:
        return all(i.get("/rest/system/status")["myID"] == i.device_id for i in self.instances)

    def connected(self) -> bool:
        a_sees_b = self.a.get("/rest/system/connections")["connections"].get(self.b.device_id, {})
        b_sees_a = self.b.get("/rest/system/connections")["connections"].get(self.a.device_id, {})
        return bool(a_sees_b.get("connected") and b_sees_a.get("connected"))

    def wait_connected(self) -> None:
        self.wait_for(self.connected, "the two devices to connect")

    def set_paused(self, paused: bool) -> None:
        """Cut (or restore) the link between the two, as two machines apart would be: each goes on
        scanning its own folder; nothing passes between them."""
        self.a.api("PATCH", f"/rest/config/devices/{self.b.device_id}", {"paused": paused})
        self.b.api("PATCH", f"/rest/config/devices/{self.a.device_id}", {"paused": paused})
        if paused:
            self.wait_for(lambda: not self._any_connected(), "the two devices to disconnect")
        else:
            self.wait_connected()

    def _any_connected(self) -> bool:
        a_sees_b = self.a.get("/rest/system/connections")["connections"].get(self.b.device_id, {})
        b_sees_a = self.b.get("/rest/system/connections")["connections"].get(self.a.device_id, {})
        return bool(a_sees_b.get("connected") or b_sees_a.get("connected"))

    @contextmanager
    def apart(self) -> Iterator[None]:
        """The two machines offline from each other inside the block; each has scanned its own
        changes at the end of it, then they meet again."""
        self.set_paused(True)
        yield
        self.scan()
        self.set_paused(False)

    def scan(self) -> None:
        """Each instance scans its folder now (instead of waiting for its watcher or interval)."""
        for instance in self.instances:
            instance.api("POST", f"/rest/db/scan?folder={FOLDER_ID}", timeout=TIMEOUT)
        self.wait_for(lambda: all(self._idle(i) for i in self.instances), "both folders scanned")

    @staticmethod
    def _idle(instance: Instance) -> bool:
        return instance.get(f"/rest/db/status?folder={FOLDER_ID}")["state"] == "idle"

    def in_sync(self) -> bool:
        """Both idle, needing nothing, each seeing the other complete, and both folders holding the same
        files with the same bytes."""
        for me, other in ((self.a, self.b), (self.b, self.a)):
            status = me.get(f"/rest/db/status?folder={FOLDER_ID}")
            if status["state"] != "idle" or status["needTotalItems"] != 0:
                return False
            completion = me.get(f"/rest/db/completion?folder={FOLDER_ID}&device={other.device_id}")
            if completion["completion"] < 100 or completion["needItems"] or completion["needDeletes"]:
                return False
        return snapshot(self.a.folder) == snapshot(self.b.folder)

    def wait_in_sync(self, timeout: float = TIMEOUT) -> None:
        """Scan both, then wait until ``in_sync`` holds twice in a row (nothing in flight between)."""
        self.scan()
        held = [0]

        def settled() -> bool:
            held[0] = held[0] + 1 if self.in_sync() else 0
            return held[0] >= 2

        self.wait_for(settled, "the folder to be in sync on both", timeout)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path -> bytes), without Syncthing's own marker and temp files."""
    files = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if relative.startswith(".stfolder") or path.name.startswith((".syncthing.", "~syncthing~")):
            continue
        if path.is_file():
            files[relative] = path.read_bytes()
    return files
