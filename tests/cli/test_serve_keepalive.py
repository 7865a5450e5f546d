"""`headway serve` keeps an idle connection open while a person pauses: with
gunicorn's default (2 s) a client that waited 3 s and then sent a POST on its
open connection raced the server's close (seen in bench/load/)."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time

from headway.cli.serve import gunicorn_options

SERVER = """
import sys
from gunicorn.app.base import BaseApplication
from headway.cli.serve import gunicorn_options

def app(environ, start_response):
    environ["wsgi.input"].read()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
    return [b"ok"]

class Server(BaseApplication):
    def load_config(self):
        for key, value in gunicorn_options(
            host="127.0.0.1", port=int(sys.argv[1]), workers=1
        ).items():
            self.cfg.set(key, value)

    def load(self):
        return app

Server().run()
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_options_keep_idle_connections_past_a_pause() -> None:
    assert gunicorn_options(host="::1", port=1, workers=2)["bind"] == "[::1]:1"
    assert gunicorn_options(host="127.0.0.1", port=1, workers=2)["keepalive"] > 5


def test_a_post_after_a_pause_reuses_the_open_connection() -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/")
        assert connection.getresponse().read() == b"ok"
        local = connection.sock.getsockname()
        time.sleep(3)  # longer than gunicorn's default keep-alive of 2 s
        connection.request("POST", "/", body=b"value=1")
        assert connection.getresponse().read() == b"ok"
        assert connection.sock.getsockname() == local  # the same connection
        connection.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
