#!/usr/bin/env python3
"""Where a profiled run's busy time went, from dotnet-trace's sampled thread time converted to speedscope.

The sampler takes every thread's stack about every 10 ms, running or not. A sample whose innermost frame waits (a lock,
an idle pool thread, the socket poll loop, the console, the finalizer thread) is not work and is left out; the rest is
busy time (on a machine with more runnable threads than cores, a busy sample may also be a thread ready to run); so are the harness's sign-ins, made before its timed part. Each busy sample
is given to the innermost component of its stack that a rule below names (so EF Core time excludes the SQLite calls
it makes, and the pipeline's time excludes the handler's). A stack under the harness's own HTTP client is the client's
work, whatever it calls. Usage: profile-shares.py FILE.speedscope.json
"""
import json
import re
import sys
from collections import Counter

WAITING = re.compile(
    r"Monitor\.Wait|WaitHandle\.Wait|LowLevelLifoSemaphore|ManualResetEventSlim\.Wait|SemaphoreSlim\.Wait|"
    r"Thread\.Sleep|WorkerThread\.WorkerThreadStart|Interop\+Sys\.Read\(|Interop\+Sys\.WaitForSocketEvents|"
    r"SocketAsyncEngine\.EventLoop|Interop\+Sys\.Poll|TimerQueue\.TimerThread|LowLevelMonitor|Interop\+Sys\.Sleep|"
    r"GC\.RunFinalizers|GateThread\.GateThreadStart|Console!Interop|FileSystem\.Watcher|HostingListener|Program\.<Main>|BenchMain\.<Main>")
PSEUDO = ("CPU_TIME", "UNMANAGED_CODE_TIME", "?!?")
SETUP = re.compile(r"Benchmarks\.Api\.SignInAsync|Features\.Auth\.Login|PasswordHasher|Rfc2898DeriveBytes|BenchMain\.CreateUserAsync")
# The harness's client; its Ceiling middleware runs in the server's pipeline and is not the client.
CLIENT = re.compile(r"^NtmWorkflow\.Benchmarks!NtmWorkflow\.Benchmarks\.(?!Ceiling)|^System\.Net\.Http!")

# Innermost match wins; order matters only for frames that two rules could both name.
COMPONENTS = [
    ("Garbage collection (threads held at a GC poll)", r"PollGC"),
    ("SQLite (engine and ADO.NET provider)", r"^Microsoft\.Data\.Sqlite!|^SQLitePCL"),
    ("PostgreSQL client (Npgsql)", r"^Npgsql"),
    ("EF Core: query preparation (parameters, cache lookup, compilation)",
     r"^Microsoft\.EntityFrameworkCore[.\w]*!Microsoft\.EntityFrameworkCore\.Query\.(?!Internal\.(SingleQueryingEnumerable|SplitQueryingEnumerable|FromSqlQueryingEnumerable))"
     r"|ExpressionTreeFuncletizer|CompiledQueryCache|^System\.Linq\.Expressions!"),
    ("EF Core: change tracking and SaveChanges",
     r"^Microsoft\.EntityFrameworkCore[.\w]*!Microsoft\.EntityFrameworkCore\.(ChangeTracking|Update|Storage\.RelationalTransaction)|DbContext\.SaveChanges|StateManager"),
    ("EF Core: commands, connections, materialisation", r"^Microsoft\.EntityFrameworkCore|^dynamicClass!lambda_method"),
    ("JSON (System.Text.Json)", r"^System\.Text\.Json!"),
    ("Validation (FluentValidation)", r"^FluentValidation!"),
    ("Authentication, token, session check", r"^Microsoft\.AspNetCore\.(Authentication|Identity|DataProtection)|^System\.Security\.Cryptography!|"
                                             r"CurrentActor|SessionValidation|^Microsoft\.Extensions\.Identity"),
    ("Authorization", r"^Microsoft\.AspNetCore\.Authorization"),
    ("MediatR and pipeline behaviours", r"^MediatR!|Infrastructure\.\w*Behavior"),
    ("Routing and endpoint binding", r"^Microsoft\.AspNetCore\.Routing!|^Microsoft\.AspNetCore\.Http\.Extensions!|RequestDelegateFactory|^Microsoft\.AspNetCore\.Http\.Generated"),
    ("Logging and telemetry", r"^Microsoft\.Extensions\.Logging|^OpenTelemetry|^System\.Diagnostics\.DiagnosticSource!|Diagnostics\.Metrics"),
    ("Dependency injection", r"^Microsoft\.Extensions\.DependencyInjection!"),
    ("Application and engine code", r"^NtmWorkflow\.(Web|Engine)!"),
    ("Kestrel, middleware, sockets", r"^Microsoft\.AspNetCore|^System\.IO\.Pipelines!|^System\.Net\.Sockets!"),
    ("Disk flush of uploads (fsync)", r"Interop\+Sys\.FSync"),
]
COMPILED = [(name, re.compile(rule)) for name, rule in COMPONENTS]
CLIENT_SIDE = "Harness client (HttpClient, its JSON), same process"


def component(stack):
    if any(CLIENT.search(f) for f in stack):
        return CLIENT_SIDE
    for frame in reversed(stack):
        for name, rule in COMPILED:
            if rule.search(frame):
                return name
    return "Other (runtime, collections, thread pool)"


def main(path):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    busy = Counter()
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            if last is not None and stack:
                names = [frames[i] for i in stack]
                managed = [f for f in names if f not in PSEUDO]
                innermost = managed[-1] if managed else ""
                if not WAITING.search(innermost) and not any(SETUP.search(f) for f in names):
                    busy[component(managed)] += event["at"] - last
            last = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            else:
                stack.pop()
    total = sum(busy.values())
    print(f"busy thread time: {total / 1000:.1f} s")
    print("| Component | Share |")
    print("|---|---:|")
    for name, ms in busy.most_common():
        print(f"| {name} | {100 * ms / total:.1f} % |")


if __name__ == "__main__":
    main(sys.argv[1])
