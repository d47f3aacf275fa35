"""Headless notebook runner for hdnnp-kit (Debian's python3-nbclient).

Executes notebooks with the kit's Java kernel in a profile (HDNNP_PROFILE=smoke|walkthrough|full), writes the
executed copies and their HTML under --out with an index.html, and fails (exit 1) on any cell error, any error or
stderr output, or a missing expected output: a cell that shows a figure (`Show.figure`, `Figures.image`) must yield
image/png, one that shows a table (`Show.table`, `Tables.html`) must yield text/html.

Kernel start-up defects of rapaio-jupyter-kernel, designed around here: a start may hang (a race in the kernel's
channel threads) or come up with a lost channel (no outputs). After each start a probe cell must answer with its
output; otherwise the kernel is killed and started again (bounded tries, short timeouts). Long cells are bounded by
the kernel's own evaluation timeout (RJK_TIMEOUT_MILLIS), not by interrupts, which leave the front end waiting.
"""
import argparse
import html
import json
import os
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbclient.util import run_sync

KERNEL = "hdnnp-java"
PROBE = 'System.out.println("hdnnp-probe-" + (6 * 7));'
PROBE_OUT = "hdnnp-probe-42"
START_TRIES = 10
START_TIMEOUT = 6       # once its channels are bound a healthy kernel answers within a second; a hung one never does
LAUNCH_TIMEOUT = 40     # JVM start until the channels are bound (slow on a loaded machine)
SETTLE_SECONDS = 1.0    # after the kernel has bound its channels, before the client's first request
CHANNELS = 5            # shell, iopub, stdin, control, heartbeat
# per-cell limits by profile (seconds); the kernel's own limit is set a little lower so it fires first
CELL_LIMIT = {"smoke": 600, "walkthrough": 3600, "full": 48 * 3600}


class NotebookFailure(Exception):
    pass


def log(msg):
    print("[notebooks] " + msg, file=sys.stderr, flush=True)


def check_clean(paths):
    bad = []
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        for i, c in enumerate(nb.cells):
            if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None):
                bad.append("%s: cell %d has outputs or an execution count" % (os.path.basename(p), i))
                break
    if bad:
        for b in bad:
            log(b)
        log("committed notebooks must carry no outputs (executed copies belong under build/); clear them and commit")
        return 1
    log("%d notebooks clean" % len(paths))
    return 0


def probe(kc, timeout=45):
    """True when the kernel runs a cell and its output comes back."""
    seen = []

    def hook(msg):
        if msg["msg_type"] == "stream":
            seen.append(msg["content"].get("text", ""))

    try:
        reply = run_sync(kc.execute_interactive)(PROBE, timeout=timeout, output_hook=hook, allow_stdin=False)
    except Exception as e:  # TimeoutError, queue.Empty, RuntimeError
        log("  probe got no reply (%s)" % type(e).__name__)
        return False
    ok = reply["content"].get("status") == "ok" and PROBE_OUT in "".join(seen)
    if not ok:
        log("  probe reply without its output (a lost channel)")
    return ok


def start_kernel(client, cwd, log_file):
    """Starts the kernel, retrying on a hung start or a lost channel. Returns the number of retries."""
    for attempt in range(1, START_TRIES + 1):
        try:
            client.km = client.create_kernel_manager()
            # the kernel's own chatter (class path, channel bindings) goes to a log file, not to the console
            offset = log_file.tell()
            client.start_new_kernel(cwd=cwd, stdout=log_file, stderr=log_file)
            wait_for_bindings(log_file.name, offset)
            time.sleep(SETTLE_SECONDS)
            client.start_new_kernel_client()
            if probe(client.kc):
                return attempt - 1
        except Exception as e:
            log("  kernel start %d failed: %s: %s" % (attempt, type(e).__name__, str(e).splitlines()[0] if str(e) else ""))
        stop_kernel(client)
        time.sleep(1)
    raise NotebookFailure("the kernel did not start and answer a probe in %d tries" % START_TRIES)


def wait_for_bindings(log_path, offset):
    """Waits until the kernel has logged binding all its channels.

    The kernel registers its message handlers only after binding, and a request that reaches the shell channel
    before that kills the channel's thread (a NullPointerException in the kernel's log): the start then hangs. So
    nothing is sent before the bindings are logged (plus SETTLE_SECONDS).
    """
    deadline = time.time() + LAUNCH_TIMEOUT
    while time.time() < deadline:
        with open(log_path, "rb") as f:
            f.seek(offset)
            if f.read().count(b"Binding") >= CHANNELS:
                return
        time.sleep(0.1)


def stop_kernel(client):
    try:
        if client.kc is not None:
            client.kc.stop_channels()
    except Exception:
        pass
    try:
        if client.km is not None and client.km.has_kernel:
            run_sync(client.km.shutdown_kernel)(now=True)
    except Exception:
        pass
    client.kc = None


def expected_mimes(source):
    exp = []
    if "Figures.image(" in source or "Show.figure(" in source or "Show.image(" in source:
        exp.append("image/png")
    if "Tables.html(" in source or "Show.table(" in source:
        exp.append("text/html")
    return exp


def check_outputs(name, index, cell):
    outs = cell.get("outputs", [])
    for o in outs:
        if o.get("output_type") == "error":
            raise NotebookFailure("%s, cell %d: %s: %s" % (name, index, o.get("ename"), o.get("evalue")))
        if o.get("output_type") == "stream" and o.get("name") == "stderr" and o.get("text", "").strip():
            raise NotebookFailure("%s, cell %d wrote to stderr:\n%s" % (name, index, o["text"].strip()[:2000]))
    mimes = set()
    for o in outs:
        mimes.update(o.get("data", {}).keys())
    for m in expected_mimes(cell.source):
        if m not in mimes:
            raise NotebookFailure("%s, cell %d should show %s but produced %s" % (name, index, m, sorted(mimes) or "no output"))


def run_one(path, profile, out_dir):
    name = os.path.basename(path)
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Java (hdnnp-kit)", "language": "java"}
    limit = CELL_LIMIT[profile]
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=limit, startup_timeout=START_TIMEOUT, allow_errors=True,
                            interrupt_on_timeout=False, record_timing=True,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    t0 = time.time()
    os.makedirs(os.path.join(out_dir, "kernel-logs"), exist_ok=True)
    log_file = open(os.path.join(out_dir, "kernel-logs", name[:-6] + ".log"), "ab")
    retries = start_kernel(client, os.path.dirname(os.path.abspath(path)), log_file)
    failure = None
    try:
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, i)
            except (CellTimeoutError, DeadKernelError) as e:
                failure = NotebookFailure("%s, cell %d: %s" % (name, i, str(e).splitlines()[0]))
                break
            except CellExecutionError as e:
                failure = NotebookFailure("%s, cell %d: %s" % (name, i, e))
                break
            try:
                check_outputs(name, i, cell)
            except NotebookFailure as e:
                failure = e
                break
    finally:
        stop_kernel(client)
        log_file.close()
    nb.metadata.setdefault("hdnnp", {})["profile"] = profile
    os.makedirs(out_dir, exist_ok=True)
    out_nb = os.path.join(out_dir, name)
    write_atomic(out_nb, nbformat.writes(nb))
    to_html(nb, os.path.join(out_dir, name[:-6] + ".html"))
    return {"name": name, "seconds": round(time.time() - t0, 1), "retries": retries,
            "ok": failure is None, "error": None if failure is None else str(failure)}


def write_atomic(path, text):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def to_html(nb, path):
    try:
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter().from_notebook_node(nb)
        write_atomic(path, body)
    except Exception as e:  # the report is a convenience; the executed .ipynb is the record
        log("  (no HTML for %s: %s)" % (os.path.basename(path), e))


def write_index(out_dir, profile, results):
    rows = "".join(
        "<tr><td><a href=\"%s\">%s</a></td><td>%s</td><td>%.1f s</td><td>%s</td></tr>" % (
            html.escape(r["name"][:-6] + ".html"), html.escape(r["name"]), "ok" if r["ok"] else "FAILED",
            r["seconds"], html.escape(r["error"] or ""))
        for r in results)
    page = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>hdnnp-kit report</title></head><body>"
            "<h1>hdnnp-kit: the thesis walkthrough</h1><p>Profile: <b>%s</b>. Executed %s.</p>"
            "<table border=\"1\" cellpadding=\"4\"><tr><th>notebook</th><th>status</th><th>time</th><th>error</th></tr>%s"
            "</table></body></html>") % (html.escape(profile), time.strftime("%Y-%m-%d %H:%M:%S"), rows)
    write_atomic(os.path.join(out_dir, "index.html"), page)
    write_atomic(os.path.join(out_dir, "runs.json"), json.dumps(results, indent=2))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", default=os.environ.get("HDNNP_PROFILE", "walkthrough"), choices=sorted(CELL_LIMIT))
    ap.add_argument("--out", default="build/notebooks")
    ap.add_argument("--repeat", type=int, default=1, help="run each notebook N times (kernel start-race check)")
    ap.add_argument("--check-clean", action="store_true")
    ap.add_argument("notebooks", nargs="+")
    a = ap.parse_args()
    paths = sorted(p for p in a.notebooks if p.endswith(".ipynb") and os.path.isfile(p))
    if a.check_clean:
        return check_clean(paths)
    if not paths:
        log("no notebooks found")
        return 1
    here = os.path.dirname(os.path.abspath(__file__))
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [os.path.join(here, "jupyter"), os.environ.get("JUPYTER_PATH")]))
    os.environ.setdefault("HDNNP_HOME", os.path.dirname(here))
    os.makedirs(a.out, exist_ok=True)
    os.environ["HDNNP_PROFILE"] = a.profile
    os.environ["RJK_TIMEOUT_MILLIS"] = str((CELL_LIMIT[a.profile] - 30) * 1000)
    results = []
    for p in paths:
        for k in range(a.repeat):
            log("%s (%s)%s" % (os.path.basename(p), a.profile, " run %d/%d" % (k + 1, a.repeat) if a.repeat > 1 else ""))
            try:
                r = run_one(p, a.profile, a.out)
            except NotebookFailure as e:
                r = {"name": os.path.basename(p), "seconds": 0.0, "retries": START_TRIES, "ok": False, "error": str(e)}
            results.append(r)
            log("  %s in %.1f s (kernel restarts: %d)%s" % ("ok" if r["ok"] else "FAILED", r["seconds"], r["retries"],
                                                            "" if r["ok"] else "\n  " + r["error"]))
    write_index(a.out, a.profile, results)
    failed = [r for r in results if not r["ok"]]
    retries = sum(r["retries"] for r in results)
    log("kernel restarts after a failed start or probe: %d" % retries)
    print("notebooks: %d passed, %d failed" % (len(results) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
