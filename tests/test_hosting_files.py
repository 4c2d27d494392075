"""The hosting files agree with each other and with the app: the image runs as a non-root user on
port 8501 with a health check on /_stcore/health and saved/ on a volume; compose runs at least two
app replicas behind nginx, which is sticky and passes WebSockets, and gives the app a PostgreSQL 16
database through SOCIAL_SIM_DATABASE_URL. Docker is not needed: the files are read as text."""

from __future__ import annotations

import fnmatch
import re
import runpy
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from sqlalchemy.engine import make_url

from storage import ENV_VAR
from storage.scenarios import DEFAULT_DATABASE_PATH

ROOT = Path(__file__).resolve().parent.parent
HEALTH = runpy.run_path(str(ROOT / "deploy" / "healthcheck.py"))  # not run as __main__


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per instruction, continuation lines joined, comments dropped."""
    lines = [line for line in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines()
             if not line.lstrip().startswith("#")]
    text = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1].strip() if " " in line.strip() else "")
            for line in text.splitlines() if line.strip()]


def instructions(name: str) -> list[str]:
    return [args for instruction, args in dockerfile() if instruction == name]


def env_of_image() -> dict[str, str]:
    env: dict[str, str] = {}
    for args in instructions("ENV"):
        env.update(dict(re.findall(r"(\w+)=(\S+)", args)))
    return env


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nginx() -> str:
    return re.sub(r"#[^\n]*", "", (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8"))


def block(conf: str, head: str) -> str:
    """The body of the first `head { ... }` block (nested braces allowed)."""
    start = re.search(re.escape(head) + r"\s*\{", conf)
    assert start, head
    depth, index = 1, start.end()
    while depth:
        depth += {"{": 1, "}": -1}.get(conf[index], 0)
        index += 1
    return conf[start.end():index - 1]


# ---- the image ---------------------------------------------------------------------------------
def test_the_image_is_slim_python_3_11():
    assert re.fullmatch(r"python:3\.11(\.\d+)?-slim(-\w+)?", instructions("FROM")[0])


def test_the_image_runs_as_a_user_that_is_not_root():
    users = instructions("USER")
    assert users, "no USER: the app would run as root"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")
    position = [instruction for instruction, _ in dockerfile()].index("CMD")
    assert [i for i, (instruction, _) in enumerate(dockerfile()) if instruction == "USER"][-1] < position


def test_the_image_installs_the_pinned_requirements_and_the_postgresql_driver():
    runs = " ".join(instructions("RUN"))
    assert "pip install -r requirements.txt" in runs
    pinned = re.search(r'psycopg\[binary\]==([\d.]+)', runs)
    assert pinned, "the image needs the PostgreSQL driver for compose's database"
    dev = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    for package in ("psycopg", "psycopg-binary"):  # the same version as the tests use, if pinned there
        found = re.search(rf"^{re.escape(package)}(\[[^\]]*\])?==([\d.]+)", dev, re.M)
        if found:
            assert found.group(2) == pinned.group(1), package


def test_the_app_listens_on_every_interface_on_8501_with_a_health_check():
    env = env_of_image()
    command = " ".join(instructions("CMD"))
    assert "streamlit" in command and "app.py" in command
    address = re.search(r"--server\.address[= ](\S+?)\"?[,\]]", command)
    assert (address.group(1) if address else env.get("STREAMLIT_SERVER_ADDRESS")) == "0.0.0.0"
    port = re.search(r"--server\.port[= ](\d+)", command)
    assert (port.group(1) if port else env.get("STREAMLIT_SERVER_PORT", "8501")) == "8501"
    assert instructions("EXPOSE") == ["8501"]
    health = instructions("HEALTHCHECK")
    assert len(health) == 1 and "deploy/healthcheck.py" in health[0]
    assert HEALTH["health_url"](env) == "http://127.0.0.1:8501/_stcore/health"
    assert HEALTH["health_url"]({**env, "STREAMLIT_SERVER_BASE_URL_PATH": "/simulator/"}) == \
        "http://127.0.0.1:8501/simulator/_stcore/health"


def test_saved_data_is_on_a_volume_the_user_may_write():
    workdir = instructions("WORKDIR")[-1]
    saved = f"{workdir.rstrip('/')}/{DEFAULT_DATABASE_PATH.parent.relative_to(ROOT).as_posix()}"
    assert any(saved in args for args in instructions("VOLUME"))
    assert any(re.search(rf"chown \S+ {re.escape(saved)}", args) for args in instructions("RUN"))


def test_the_build_context_leaves_out_secrets_and_data_but_not_the_app():
    patterns = [line.strip() for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]

    def ignored(path: str) -> bool:
        parts = path.split("/")
        prefixes = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
        return any(fnmatch.fnmatch(prefix, pattern.removeprefix("**/")) or fnmatch.fnmatch(prefix, pattern)
                   for pattern in patterns for prefix in prefixes)

    for path in (".env", "saved/scenarios.sqlite", ".streamlit/secrets.toml", ".git/config"):
        assert ignored(path), path
    needed = ["app.py", "requirements.txt", ".streamlit/config.toml", "deploy/healthcheck.py",
              *[path.relative_to(ROOT).as_posix() for folder in ("pages", "ui", "model", "storage", "data")
                for path in (ROOT / folder).rglob("*") if path.is_file() and "__pycache__" not in path.parts]]
    assert not [path for path in needed if ignored(path)]


# ---- compose -----------------------------------------------------------------------------------
def test_compose_runs_two_or_more_app_replicas_from_this_image(compose):
    app = compose["services"]["app"]
    assert app["build"] in (".", "./", {"context": "."})
    assert app.get("deploy", {}).get("replicas", 1) >= 2
    assert "container_name" not in app  # a fixed name would allow one replica only
    assert "8501" in [str(port) for port in app.get("expose", [])]
    assert "ports" not in app  # reached through the load balancer only


def test_the_app_gets_postgresql_16_through_the_environment(compose):
    services = compose["services"]
    url = services["app"]["environment"][ENV_VAR]
    parsed = make_url(re.sub(r"\$\{(\w+)[^}]*\}", r"\1", url))  # ${VAR:?message} -> VAR
    assert (parsed.get_backend_name(), parsed.get_driver_name()) == ("postgresql", "psycopg")
    database = services[parsed.host]
    assert re.fullmatch(r"postgres:16([.\-][\w.\-]*)?", database["image"])
    env = database["environment"]
    assert (parsed.username, parsed.database) == (env["POSTGRES_USER"], env["POSTGRES_DB"])
    assert parsed.port in (None, 5432)
    assert parsed.password == re.search(r"\$\{(\w+)", env["POSTGRES_PASSWORD"]).group(1)
    assert services["app"]["depends_on"][parsed.host]["condition"] == "service_healthy"
    assert "pg_isready" in " ".join(database["healthcheck"]["test"])
    volumes = [volume.split(":") for volume in database["volumes"]]
    assert ["db-data", "/var/lib/postgresql/data"] in [volume[:2] for volume in volumes]
    assert "db-data" in compose["volumes"]  # a named volume: the data outlives the container


def test_the_load_balancer_uses_deploy_nginx_conf(compose):
    proxy = compose["services"]["proxy"]
    name, _, version = proxy["image"].partition(":")
    assert name == "nginx"
    major, minor = (int(part) for part in re.match(r"(\d+)\.(\d+)", version).groups())
    assert (major, minor) >= (1, 28)  # `resolve` in an upstream needs nginx >= 1.27.3
    assert "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in proxy["volumes"]
    assert proxy["ports"] and all(str(port).endswith(":80") for port in proxy["ports"])


# ---- nginx -------------------------------------------------------------------------------------
def test_nginx_is_sticky_and_balances_the_app_replicas(nginx, compose):
    upstream = block(nginx, "upstream streamlit")
    assert re.search(r"^\s*(ip_hash|hash \$\S+ consistent|sticky [^;]+);", upstream, re.M)
    servers = re.findall(r"^\s*server\s+(\S+)([^;]*);", upstream, re.M)
    assert [address for address, _ in servers] == ["app:8501"]
    assert "app" in compose["services"]
    if "resolve" in servers[0][1]:  # the replicas' addresses from Docker's DNS, kept up to date
        assert re.search(r"^\s*zone \w+ \d+k;", upstream, re.M)
        assert re.search(r"^\s*resolver 127\.0\.0\.11\b", nginx, re.M)


def test_nginx_upgrades_websockets(nginx):
    mapping = block(nginx, "map $http_upgrade $connection_upgrade")
    assert re.search(r"default\s+upgrade;", mapping) and re.search(r"''\s+close;", mapping)
    location = block(nginx, "location /")
    assert "proxy_pass http://streamlit;" in location
    assert "proxy_http_version 1.1;" in location
    assert "proxy_set_header Upgrade $http_upgrade;" in location
    assert "proxy_set_header Connection $connection_upgrade;" in location
    timeout = re.search(r"proxy_read_timeout (\d+)s?;", location)
    assert timeout and int(timeout.group(1)) >= 3600  # idle sessions are not cut after 60 s


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed here")
def test_nginx_accepts_the_configuration(tmp_path):
    """nginx -t on the file, with what only Docker gives it replaced: the `app` host name, and
    `resolve` where the installed nginx is older than 1.27.3."""
    text = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8").replace("app:8501", "127.0.0.1:8501")
    version = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr
    if tuple(int(part) for part in re.search(r"(\d+)\.(\d+)\.(\d+)", version).groups()) < (1, 27, 3):
        text = text.replace(" resolve ", " ")
    conf = tmp_path / "nginx.conf"
    conf.write_text(text.replace("pid /tmp/nginx.pid", f"pid {tmp_path}/nginx.pid"), encoding="utf-8")
    result = subprocess.run(["nginx", "-t", "-c", str(conf), "-e", str(tmp_path / "error.log")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


# ---- the health check script --------------------------------------------------------------------
class _Health(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server API
        self.send_response(200 if self.path.endswith("/_stcore/health") else 404)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def test_the_health_check_passes_only_when_the_server_answers():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = str(server.server_address[1])
        assert HEALTH["healthy"](HEALTH["health_url"]({"STREAMLIT_SERVER_PORT": port}))
        assert not HEALTH["healthy"](f"http://127.0.0.1:{port}/nothing-here")
    finally:
        server.shutdown()
        server.server_close()
    assert not HEALTH["healthy"](HEALTH["health_url"]({"STREAMLIT_SERVER_PORT": port}))  # nobody listens
