"""Locust users for the load benchmark (bench/load/run.sh starts it headless).

Each simulated person picks one of the seeded users at random
(bench/load/users.csv, written by seed.py), signs in through the server-mode
login form for the web pages, and uses that user's API token for writes:

| task | weight | request |
| --- | --- | --- |
| dashboard | 30 | GET / (session) |
| log an entry | 20 | POST /api/v1/entries (token) |
| search | 20 | GET /log/?q=… as the search box sends it with htmx (session) |
| goal check-in | 15 | POST /api/v1/goals/{id}/checkins (token) |
| network due | 15 | GET /network/ (session; the due list leads the page) |

The server runs in server mode behind no proxy, so every request says
`X-Forwarded-Proto: https`, as a TLS-terminating proxy would (the settings
trust that header); the session and CSRF cookies are Secure, which an HTTP
client keeps to itself over plain HTTP, so they are sent by hand.
"""

from __future__ import annotations

import csv
import os
import random
import re
from pathlib import Path

import gevent
from gevent.event import Event
from locust import HttpUser, between, events, task

USERS_CSV = Path(
    os.environ.get("HEADWAY_LOAD_USERS", Path(__file__).with_name("users.csv"))
)
with USERS_CSV.open(newline="") as handle:
    ACCOUNTS = list(csv.DictReader(handle))

SEARCHES = ("billing", "latency", "release pipeline", "mentored", "roadmap",
            "onboarding guide", "api", "flaky tests", "design")  # fmt: skip
TITLES = ("Paired with Ana on the export bug", "Read two chapters of Staff Engineer",
          "Ran the sprint retro", "Cut build time from 9 to 4 minutes",
          "Gave feedback to a new hire")  # fmt: skip
KINDS = ("note", "accomplishment", "learning", "meeting")
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HTTPS = {"X-Forwarded-Proto": "https"}
# Signing in (argon2, on purpose slow) happens once a day, not in the mix:
# every person signs in first, then the statistics restart and the mix runs
# for MEASURE seconds; the sign-in figures are written aside beforehand.
MEASURE = float(os.environ.get("HEADWAY_LOAD_MEASURE", "60"))
LOGIN_REPORT = Path(os.environ.get("HEADWAY_LOAD_LOGIN_REPORT", "login_stats.txt"))
READY = Event()
signed_in = 0


@events.test_start.add_listener
def _reset(environment, **_: object) -> None:  # type: ignore[no-untyped-def]
    global signed_in
    signed_in = 0
    READY.clear()


def _all_signed_in(environment) -> None:  # type: ignore[no-untyped-def]
    """The last person in: keep the sign-in figures, restart the clock."""
    stats = environment.stats
    lines = []
    for name in ("login (form)", "login (post)", "goals (api)"):
        entry = stats.entries.get((name, "GET")) or stats.entries.get((name, "POST"))
        if entry is not None and entry.num_requests:
            lines.append(
                f"{name}: {entry.num_requests} requests, {entry.num_failures} failed, "
                f"p50 {entry.get_response_time_percentile(0.5):.0f} ms, "
                f"p95 {entry.get_response_time_percentile(0.95):.0f} ms, "
                f"max {entry.max_response_time:.0f} ms"
            )
    LOGIN_REPORT.write_text("\n".join(lines) + "\n")
    stats.reset_all()
    READY.set()
    gevent.spawn_later(MEASURE, environment.runner.quit)


# Think time between a person's requests, in seconds (HEADWAY_LOAD_WAIT="1,5").
WAIT = tuple(float(n) for n in os.environ.get("HEADWAY_LOAD_WAIT", "1,5").split(","))


class Person(HttpUser):
    wait_time = between(WAIT[0], WAIT[1])

    def on_start(self) -> None:
        account = random.choice(ACCOUNTS)
        self.cookies: dict[str, str] = {}
        self.token = account["token"]
        self.goals: list[int] = []
        page = self.client.get("/login/", headers=HTTPS, name="login (form)")
        self._keep(page)
        match = CSRF_FIELD.search(page.text)
        with self.client.post(
            "/login/",
            data={
                "username": account["username"],
                "password": account["password"],
                "csrfmiddlewaretoken": match.group(1) if match else "",
            },
            headers=self._web(Referer=f"https://{self._host()}/login/"),
            allow_redirects=False,
            name="login (post)",
            catch_response=True,
        ) as answer:
            if answer.status_code != 302 or "sessionid" not in answer.cookies:
                answer.failure(f"login failed: {answer.status_code}")
            self._keep(answer)
        goals = self.client.get(
            "/api/v1/goals", headers=self._api(), name="goals (api)"
        )
        if goals.ok:
            self.goals = [goal["id"] for goal in goals.json()]
        global signed_in
        signed_in += 1
        if signed_in == self.environment.parsed_options.num_users:
            _all_signed_in(self.environment)
        READY.wait()
        # Released together, all 50 would send their first request in the
        # same instant: a burst no set of people makes, which queued for
        # 1.2-1.4 s and was most of the p99. One think time apart each, as
        # they are from then on.
        gevent.sleep(random.uniform(0, WAIT[1]))

    def _host(self) -> str:
        return (self.host or "").split("://", 1)[-1].rstrip("/")

    def _keep(self, response: object) -> None:
        self.cookies.update(getattr(response, "cookies", {}).get_dict())  # type: ignore[union-attr]
        self.client.cookies.clear()

    def _web(self, **extra: str) -> dict[str, str]:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {**HTTPS, "Cookie": cookie, **extra}

    def _api(self) -> dict[str, str]:
        return {**HTTPS, "Authorization": f"Bearer {self.token}"}

    def _page(self, path: str, name: str, **extra: str) -> None:
        with self.client.get(
            path,
            headers=self._web(**extra),
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code != 200:
                # Status 0: no answer at all; the client's exception says why.
                answer.failure(f"{name}: {answer.status_code} {answer.error!r}")

    @task(30)
    def dashboard(self) -> None:
        self._page("/", "dashboard")

    @task(20)
    def log_entry(self) -> None:
        self.client.post(
            "/api/v1/entries",
            json={
                "title": random.choice(TITLES),
                "kind": random.choice(KINDS),
                "body": "Logged during the load benchmark.",
                "tags": random.sample(["platform", "docs", "oncall"], 1),
            },
            headers=self._api(),
            name="log an entry",
        )

    @task(20)
    def search(self) -> None:
        words = random.choice(SEARCHES).replace(" ", "+")
        self._page(
            f"/log/?q={words}",
            "search",
            **{"HX-Request": "true", "HX-Target": "results"},
        )

    @task(15)
    def goal_checkin(self) -> None:
        if not self.goals:
            return
        self.client.post(
            f"/api/v1/goals/{random.choice(self.goals)}/checkins",
            json={"value": 1, "note": "a step forward"},
            headers=self._api(),
            name="goal check-in",
        )

    @task(15)
    def network_due(self) -> None:
        self._page("/network/", "network due")
