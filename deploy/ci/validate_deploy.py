#!/usr/bin/env python3
"""Offline checks of docker-compose.yml and deploy/kubernetes (no Docker engine, no cluster needed).

Run through .ci/validate-deploy, which installs what this needs. Exit status 1 on any problem.

What "a key the service reads" means here: a key of the service's application.properties (any profile), a name
derived from its @ConfigMapping interfaces or @ConfigProperty injections, or one of a short list of standard
Quarkus / runtime keys for an extension the service has. Environment names are compared after Quarkus'
mapping (every non-alphanumeric character becomes '_', upper case); Map segments of a mapping match any name.
"""
import argparse
import copy
import fnmatch
import glob
import os
import re
import shutil
import subprocess
import sys

import yaml

# --------------------------------------------------------------------------------------------------------------
# Reporting

PROBLEMS = []
WARNINGS = []
CHECKS = [0]
NOTES = []


# promesa.api-keys as the repository may hold it: hashes only, a source name or * (operator) for each
API_KEYS = re.compile(r"^\s*[\w.~*-]+:sha256:[0-9a-f]{64}(\s*,\s*[\w.~*-]+:sha256:[0-9a-f]{64})*\s*$")


def check(cond, msg):
    CHECKS[0] += 1
    if not cond:
        PROBLEMS.append(msg)
    return cond


def warn(msg):
    WARNINGS.append(msg)


# --------------------------------------------------------------------------------------------------------------
# What each service reads

# Standard keys that a service may be given without naming them in its own application.properties. Kept short and
# explicit, so that a misspelt key (QUARKUS_MAILER_HOTS) is still caught. Grouped by what the service must have.
STANDARD_KEYS = {
    "always": [
        "quarkus.profile", "quarkus.config.locations", "quarkus.http.port", "quarkus.http.host",
        "quarkus.log.level", "quarkus.log.console.json", "quarkus.shutdown.timeout",
        # run-java.sh of the UBI OpenJDK images (not Quarkus config, read by the image's start script)
        "java.opts", "java.opts.append", "java.max.mem.ratio", "java.initial.mem.ratio", "tz",
    ],
    "kafka": ["kafka.bootstrap.servers"],
    "datasource": [
        "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
        "quarkus.datasource.jdbc.max-size", "quarkus.datasource.jdbc.min-size",
    ],
    "mailer": [
        "quarkus.mailer.host", "quarkus.mailer.port", "quarkus.mailer.from", "quarkus.mailer.username",
        "quarkus.mailer.password", "quarkus.mailer.start-tls", "quarkus.mailer.tls", "quarkus.mailer.mock",
        "quarkus.mailer.auth-methods", "quarkus.mailer.login",
    ],
}


def env_name(prop):
    """Quarkus/MicroProfile property name -> environment variable name."""
    return re.sub(r"[^A-Za-z0-9]", "_", prop).upper()


def kebab(name):
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", name).lower()


def read_properties(path):
    keys = {}
    if not os.path.exists(path):
        return keys
    with open(path, encoding="utf-8") as f:
        lines = f.read().replace("\\\n", "").splitlines()
    for line in lines:
        line = line.strip()
        if not line or line[0] in "#!":
            continue
        m = re.match(r"((?:[^=:\s\\]|\\.)+)\s*[=:\s]\s*(.*)$", line)
        if not m:
            continue
        key, value = m.group(1), m.group(2)
        key = re.sub(r"^%[\w,-]+\.", "", key)
        keys.setdefault(key, value)
    return keys


def interfaces_of(body):
    """name -> body of every interface declared in a Java source (nested ones too), brace matched."""
    interfaces = {}
    for im in re.finditer(r"\binterface\s+(\w+)[^{]*\{", body):
        depth, i = 1, im.end()
        while depth and i < len(body):
            depth += {"{": 1, "}": -1}.get(body[i], 0)
            i += 1
        interfaces[im.group(1)] = body[im.end():i - 1]
    return interfaces


def strip_comments(src):
    return re.sub(r"//[^\n]*", "", re.sub(r"/\*.*?\*/", "", src, flags=re.S))


def config_mapping_patterns(java_root):
    """Property-name patterns ('*' = one Map key segment) from @ConfigMapping interfaces under java_root."""
    patterns = set()
    # group interfaces of the whole module, so a mapping may use another file's (NotifierConfig.Team)
    module_interfaces = {}
    for path in glob.glob(os.path.join(java_root, "**", "*.java"), recursive=True):
        with open(path, encoding="utf-8") as f:
            module_interfaces.update(interfaces_of(strip_comments(f.read())))
    for path in glob.glob(os.path.join(java_root, "**", "*.java"), recursive=True):
        with open(path, encoding="utf-8") as f:
            src = f.read()
        for m in re.finditer(r'@ConfigProperty\(\s*name\s*=\s*"([^"]+)"', src):
            patterns.add(m.group(1))
        pm = re.search(r'@ConfigMapping\(\s*(?:prefix\s*=\s*)?"([^"]*)"', src)
        if not pm:
            continue
        prefix = pm.group(1)
        body = strip_comments(src)
        interfaces = dict(module_interfaces)
        interfaces.update(interfaces_of(body))
        top = re.search(r"@ConfigMapping[^\n]*\n(?:\s*@[^\n]*\n)*\s*public\s+interface\s+(\w+)", body)
        top = top.group(1) if top else next(iter(interfaces))

        def own_methods(text):
            # drop nested interface bodies, keep this level's method declarations
            out, depth = [], 0
            for ch in text:
                if ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                    continue
                if depth == 0:
                    out.append(ch)
            flat = "".join(out)
            flat = re.sub(r"\binterface\s+\w+[^{;]*", "", flat)
            for mm in re.finditer(r"((?:@\w+(?:\([^)]*\))?\s*)*)([\w.<>,?\s]+?)\s+(\w+)\s*\(\s*\)\s*;", flat):
                yield mm.group(1), re.sub(r"\s+", "", mm.group(2)), mm.group(3)

        def walk(iface, base, seen):
            if iface in seen:
                return
            for annotations, typ, method in own_methods(interfaces.get(iface, "")):
                if "default" in typ.split("<")[0]:
                    continue
                wn = re.search(r'@WithName\(\s*"([^"]+)"', annotations)
                seg = wn.group(1) if wn else kebab(method)
                name = base if "@WithParentName" in annotations else (base + "." + seg if base else seg)
                inner = typ
                for wrapper in ("Optional<", "List<", "Set<"):
                    if inner.startswith(wrapper):
                        inner = inner[len(wrapper):-1]
                if inner.startswith("Map<"):
                    value = inner[4:-1].split(",", 1)[1]
                    name = name + ".*"
                    inner = value
                    for wrapper in ("Optional<", "List<"):
                        if inner.startswith(wrapper):
                            inner = inner[len(wrapper):-1]
                inner = inner.split(".")[-1]
                if inner in interfaces:
                    walk(inner, name, seen | {iface})
                else:
                    patterns.add(name)

        walk(top, prefix, set())
    return patterns


class ServiceConfig:
    def __init__(self, root, name):
        self.name = name
        self.dir = os.path.join(root, name)
        self.props = read_properties(os.path.join(self.dir, "src/main/resources/application.properties"))
        self.patterns = config_mapping_patterns(os.path.join(self.dir, "src/main/java"))
        # mappings of the project's own library modules the service depends on (api-security: promesa.api-keys, ...)
        pom = os.path.join(self.dir, "pom.xml")
        for artifact in re.findall(r"<artifactId>([\w.-]+)</artifactId>", open(pom).read() if os.path.isfile(pom) else ""):
            lib = os.path.join(root, artifact, "src/main/java")
            if artifact != name and os.path.isdir(lib):
                self.patterns |= config_mapping_patterns(lib)
        has = {"always"}
        text = " ".join(self.props)
        if "kafka.bootstrap.servers" in self.props or "mp.messaging" in text:
            has.add("kafka")
        if "quarkus.datasource" in text:
            has.add("datasource")
        if "quarkus.mailer" in text:
            has.add("mailer")
        self.features = has
        self.standard = {k for f in has for k in STANDARD_KEYS[f]}
        exact = set(self.props) | {p for p in self.patterns if "*" not in p} | self.standard
        self.exact_env = {env_name(k): k for k in exact}
        self.wild = []
        for p in self.patterns:
            if "*" in p:
                parts = [re.escape(env_name(s)) if s != "*" else "([A-Z0-9_]+?)" for s in p.split(".")]
                self.wild.append((p, re.compile("^" + "_".join(parts) + "$"),
                                  re.compile("^" + re.escape(p).replace(r"\*", r'(?:[A-Za-z0-9_-]+|"[^"]+")') + "$")))

    def knows(self, key):
        """(known, note). key is an env var name or a dotted property name."""
        if "." not in key and "-" not in key:
            for p, env_rx, _ in self.wild:
                m = env_rx.match(key)
                if m and any("_" in g for g in m.groups()):
                    return True, ("%s sets a key of map %s whose name holds '_': SmallRye cannot tell whether that "
                                  "stood for '-', '.' or '_'; use a properties file via QUARKUS_CONFIG_LOCATIONS"
                                  % (key, p))
        if key in self.exact_env or env_name(key) in self.exact_env and "." not in key:
            return True, None
        if "." in key or "-" in key:  # a property name (dotted env names are matched exactly by SmallRye)
            if key in self.exact_env.values():
                return True, None
            for p, _, prop_rx in self.wild:
                if prop_rx.match(key):
                    return True, None
            return False, None
        for p, env_rx, _ in self.wild:
            if env_rx.match(key):
                return True, None
        return False, None

    def channel(self, direction):
        """[(channel, topic, group)] of mp.messaging incoming/outgoing channels."""
        out = []
        for k, v in self.props.items():
            m = re.match(r"mp\.messaging\.%s\.([^.]+)\.topic$" % direction, k)
            if m:
                out.append((m.group(1), v, self.props.get("mp.messaging.%s.%s.group.id" % (direction, m.group(1)))))
        return out

    def topics(self):
        t = set()
        for k, v in self.props.items():
            if re.match(r"mp\.messaging\.(incoming|outgoing)\.[^.]+\.(topic|dead-letter-queue\.topic)$", k):
                t.add(v)
        return t


def contract_topics(root):
    topics = set()
    for path in glob.glob(os.path.join(root, "contracts/src/main/java/**/Topics.java"), recursive=True):
        src = open(path, encoding="utf-8").read()
        consts = {}
        for m in re.finditer(r"String\s+(\w+)\s*=\s*([^;]+);", src):
            expr, value = m.group(2), ""
            for part in re.findall(r'"[^"]*"|\w+', expr):
                value += part[1:-1] if part.startswith('"') else consts.get(part, "")
            consts[m.group(1)] = value
        topics |= set(consts.values())
    return topics


# --------------------------------------------------------------------------------------------------------------
# docker-compose.yml

def interpolate(value):
    """Compose variable interpolation with an empty environment (defaults only), '$$' -> '$'."""
    if isinstance(value, dict):
        return {k: interpolate(v) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v) for v in value]
    if not isinstance(value, str):
        return value

    def repl(m):
        if m.group(0) == "$$":
            return "$"
        body = m.group(1) or m.group(2)
        for op in (":-", "-", ":?", "?"):
            if op in body:
                name, default = body.split(op, 1)
                if "?" in op:
                    PROBLEMS.append("compose: ${%s} is required but has no default" % body)
                    return ""
                return default
        NOTES.append("compose: ${%s} has no default (empty when unset)" % body)
        return ""

    return re.sub(r"\$\$|\$\{([^}]+)\}|\$([A-Za-z_][A-Za-z0-9_]*)", repl, value)


def as_env_dict(env):
    if env is None:
        return {}
    if isinstance(env, dict):
        return {str(k): "" if v is None else str(v) for k, v in env.items()}
    out = {}
    for item in env:
        k, _, v = str(item).partition("=")
        out[k] = v
    return out


def container_ports(svc):
    ports = []
    for p in svc.get("ports", []) or []:
        if isinstance(p, dict):
            ports.append((str(p.get("published", "")), int(p["target"])))
            continue
        parts = str(p).split("/")[0].split(":")
        ports.append((parts[-2] if len(parts) > 1 else "", int(parts[-1])))
    return ports


def git_files(root):
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "-co", "--exclude-standard"], capture_output=True,
                             text=True, check=True).stdout
        return set(out.splitlines())
    except Exception:
        return None


def check_dockerfile(root, service, context, dockerfile, port, tracked):
    path = os.path.join(context, dockerfile)
    if not check(os.path.isfile(path), "compose: %s: Dockerfile %s does not exist" % (service, os.path.relpath(path, root))):
        return
    lines = []
    for raw in open(path, encoding="utf-8").read().replace("\\\n", " ").splitlines():
        s = raw.strip()
        if s and not s.startswith("#"):
            lines.append(s)
    froms = [l for l in lines if re.match(r"(?i)FROM\s", l)]
    rel = os.path.relpath(path, root)
    check(len(froms) >= 2 and any(re.search(r"(?i)\sAS\s+\w", f) for f in froms),
          "compose: %s: %s is not a multi-stage build (it must compile the service itself, so that "
          "`docker compose up --build` works from a clean clone)" % (service, rel))
    check(any(re.match(r"(?i)RUN\s.*\b(mvn|mvnw)\b", l) for l in lines),
          "compose: %s: %s runs no Maven build" % (service, rel))
    ctx_rel = os.path.relpath(context, root)
    missing = []
    for l in lines:
        m = re.match(r"(?i)(COPY|ADD)\s+(.*)$", l)
        if not m or re.search(r"--from[= ]", m.group(2)):
            continue
        args = [a for a in m.group(2).split() if not a.startswith("--")]
        if args and args[0].startswith("["):
            continue
        for src in args[:-1]:
            src_rel = os.path.normpath(os.path.join(ctx_rel, src))
            if src_rel in (".", "") or tracked is None:
                continue
            found = any(f == src_rel or f.startswith(src_rel.rstrip("/") + "/") or fnmatch.fnmatch(f, src_rel)
                        for f in tracked)
            if not found:
                missing.append(src)
    check(not missing, "compose: %s: %s copies %s from the build context, which a clean clone does not have "
                       "(build outputs? produce them in an earlier stage)" % (service, rel, ", ".join(missing)))
    exposes = [int(p.split("/")[0]) for l in lines if re.match(r"(?i)EXPOSE\s", l) for p in l.split()[1:]]
    if port:
        check(port in exposes, "compose: %s: %s does not EXPOSE %s" % (service, rel, port))


def check_compose(root, services, topics_needed):
    path = os.path.join(root, "docker-compose.yml")
    if not check(os.path.isfile(path), "compose: docker-compose.yml missing"):
        return
    with open(path, encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    doc = interpolate(raw)
    svcs = doc.get("services") or {}
    expected_app = {"intake-service": 8081, "followup-service": 8082, "notifier-service": 8083}
    infra = {"kafka": [9092], "postgres": [5432], "mailpit": [1025, 8025]}
    for name in list(expected_app) + list(infra):
        check(name in svcs, "compose: service %s missing" % name)
    one_shot = {n for n, s in svcs.items() if str(s.get("restart", "")).lower() == "no"}
    tracked = git_files(root)
    host_ports = {}
    for name, svc in svcs.items():
        # resources
        lim = ((svc.get("deploy") or {}).get("resources") or {}).get("limits") or {}
        check(("memory" in lim or "mem_limit" in svc) and ("cpus" in lim or "cpus" in svc),
              "compose: %s has no memory and cpu limit" % name)
        # healthcheck (one-shot jobs are checked by their exit code instead)
        hc = svc.get("healthcheck")
        if name not in one_shot:
            check(bool(hc) and hc.get("test") and not hc.get("disable") and hc.get("test") != ["NONE"],
                  "compose: %s has no healthcheck" % name)
        # ports
        for host, target in container_ports(svc):
            if host:
                check(host not in host_ports, "compose: host port %s published by both %s and %s"
                      % (host, host_ports.get(host), name))
                host_ports[host] = name
        # depends_on: long form, known services, meaningful conditions
        deps = svc.get("depends_on") or {}
        if isinstance(deps, list):
            check(not deps, "compose: %s: depends_on must name a condition for each service (long form)" % name)
            deps = {}
        for dep, spec in deps.items():
            if not check(dep in svcs, "compose: %s depends on unknown service %s" % (name, dep)):
                continue
            cond = (spec or {}).get("condition")
            check(cond in ("service_healthy", "service_completed_successfully"),
                  "compose: %s -> %s: condition %r (want service_healthy or service_completed_successfully)"
                  % (name, dep, cond))
            if cond == "service_healthy":
                check(bool(svcs[dep].get("healthcheck")), "compose: %s waits for %s to be healthy, which has no "
                      "healthcheck" % (name, dep))
            if cond == "service_completed_successfully":
                check(dep in one_shot, "compose: %s waits for %s to complete, but %s is not a one-shot "
                      "(restart: \"no\")" % (name, dep, dep))
        # bind mounts exist
        for v in svc.get("volumes", []) or []:
            src = v.split(":")[0] if isinstance(v, str) else v.get("source", "")
            if src.startswith(".") or src.startswith("/"):
                check(os.path.exists(os.path.join(root, src)), "compose: %s mounts %s, which does not exist"
                      % (name, src))
    # dependency cycles
    def visit(n, stack):
        if n in stack:
            PROBLEMS.append("compose: depends_on cycle: %s" % " -> ".join(stack + [n]))
            return
        for d in (svcs.get(n, {}).get("depends_on") or {}):
            visit(d, stack + [n])
    for n in svcs:
        visit(n, [])
    CHECKS[0] += 1

    for name, port in infra.items():
        if name in svcs:
            targets = [t for _, t in container_ports(svcs[name])]
            for p in port:
                check(p in targets, "compose: %s does not publish port %d" % (name, p))

    # Kafka: listeners that the services use; topics created up front when auto-create is off
    kafka_env = as_env_dict((svcs.get("kafka") or {}).get("environment"))
    listener_ports = {int(p) for p in re.findall(r":(\d+)", kafka_env.get("KAFKA_ADVERTISED_LISTENERS", ""))}
    if kafka_env:
        def names(value):
            return {x.split("://")[0] for x in value.split(",") if "://" in x}
        listeners = {x.split("://")[0]: x.rsplit(":", 1)[-1] for x in kafka_env.get("KAFKA_LISTENERS", "").split(",") if "://" in x}
        protocols = {x.split(":")[0] for x in kafka_env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(",") if x}
        check(names(kafka_env.get("KAFKA_ADVERTISED_LISTENERS", "")) <= set(listeners),
              "compose: kafka advertises a listener it does not open")
        check(set(listeners) <= protocols, "compose: kafka listener without a security protocol mapping")
        ctrl = kafka_env.get("KAFKA_CONTROLLER_LISTENER_NAMES", "")
        check(ctrl in listeners and ctrl not in names(kafka_env.get("KAFKA_ADVERTISED_LISTENERS", "")),
              "compose: kafka controller listener %r must be opened and not advertised" % ctrl)
        voters = re.findall(r"@[^:,]+:(\d+)", kafka_env.get("KAFKA_CONTROLLER_QUORUM_VOTERS", ""))
        check(voters and all(v == listeners.get(ctrl) for v in voters),
              "compose: kafka quorum voters %s do not use the controller listener port" % voters)
        check(kafka_env.get("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT") in listeners,
              "compose: kafka inter-broker listener is not opened")
    init_text = ""
    for n in one_shot:
        c = svcs[n].get("command")
        init_text += " ".join(c) if isinstance(c, list) else str(c or "")
    if str(kafka_env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")).lower() == "false":
        for t in sorted(topics_needed):
            check(re.search(r"(?<![\w.])%s(?![\w.])" % re.escape(t), init_text) is not None,
                  "compose: topic %s is used by a service but no one-shot service creates it (auto-create is off)" % t)
    # PostgreSQL: databases created by the init scripts
    pg = svcs.get("postgres") or {}
    pg_dbs = {as_env_dict(pg.get("environment")).get("POSTGRES_DB") or as_env_dict(pg.get("environment")).get("POSTGRES_USER", "postgres")}
    for v in pg.get("volumes", []) or []:
        if isinstance(v, str) and "docker-entrypoint-initdb.d" in v:
            src = os.path.join(root, v.split(":")[0])
            files = [src] if os.path.isfile(src) else glob.glob(os.path.join(src, "*.sql"))
            for fpath in files:
                pg_dbs |= set(re.findall(r"(?i)CREATE\s+DATABASE\s+\"?(\w+)", open(fpath).read()))

    for name, port in expected_app.items():
        svc = svcs.get(name)
        if not svc:
            continue
        cfg = services.get(name)
        env = as_env_dict(svc.get("environment"))
        # build from the repository root with the service's own Dockerfile
        build = svc.get("build")
        if check(isinstance(build, dict), "compose: %s has no build section" % name):
            context = os.path.normpath(os.path.join(root, build.get("context", ".")))
            check(os.path.isdir(context), "compose: %s: build context %s does not exist" % (name, build.get("context")))
            check(os.path.abspath(context) == os.path.abspath(root),
                  "compose: %s: build context should be the repository root (multi-stage Maven build)" % name)
            check(build.get("dockerfile") == "%s/src/main/docker/Dockerfile.jvm" % name,
                  "compose: %s: dockerfile should be %s/src/main/docker/Dockerfile.jvm" % (name, name))
            check_dockerfile(root, name, context, build.get("dockerfile", "Dockerfile"), port, tracked)
        # port, http port and healthcheck agree
        check(port in [t for _, t in container_ports(svc)], "compose: %s does not publish %d" % (name, port))
        check(env.get("QUARKUS_HTTP_PORT", str(port)) == str(port),
              "compose: %s: QUARKUS_HTTP_PORT=%s but the service port is %d" % (name, env.get("QUARKUS_HTTP_PORT"), port))
        hc = " ".join(map(str, (svc.get("healthcheck") or {}).get("test") or []))
        check("/q/health/ready" in hc or "/q/health/live" in hc, "compose: %s: healthcheck does not ask /q/health" % name)
        check(str(port) in hc, "compose: %s: healthcheck does not use port %d" % (name, port))
        # every variable is a key the service reads
        if cfg:
            for key in env:
                known, note = cfg.knows(key)
                check(known, "compose: %s gets %s, which %s does not read (not in application.properties, "
                             "@ConfigMapping or the standard keys)" % (name, key, name))
                if note:
                    warn("compose: %s: %s" % (name, note))
        deps = svc.get("depends_on") or {}
        # what the configuration points at must be a service this one waits for
        bs = env.get("KAFKA_BOOTSTRAP_SERVERS")
        if bs:
            for hp in bs.split(","):
                host, _, p = hp.strip().rpartition(":")
                check(host in svcs and host in deps, "compose: %s: Kafka %s is not a service it depends on" % (name, hp))
                check(int(p) in listener_ports, "compose: %s: Kafka port %s is not an advertised listener of %s"
                      % (name, p, host))
        elif cfg and "kafka" in cfg.features:
            check(False, "compose: %s reads Kafka but KAFKA_BOOTSTRAP_SERVERS is not set" % name)
        url = env.get("QUARKUS_DATASOURCE_JDBC_URL")
        if url:
            m = re.match(r"jdbc:postgresql://([^:/]+)(?::(\d+))?/(\w+)", url)
            if check(m, "compose: %s: unreadable JDBC URL %s" % (name, url)):
                check(m.group(1) in svcs and m.group(1) in deps,
                      "compose: %s: database host %s is not a service it depends on" % (name, m.group(1)))
                check(m.group(3) in pg_dbs, "compose: %s: database %s is not created by the PostgreSQL init scripts"
                      % (name, m.group(3)))
                if m.group(1) == "postgres":
                    pg_env = as_env_dict(pg.get("environment"))
                    check(env.get("QUARKUS_DATASOURCE_USERNAME") == pg_env.get("POSTGRES_USER", "postgres")
                          and env.get("QUARKUS_DATASOURCE_PASSWORD") == pg_env.get("POSTGRES_PASSWORD"),
                          "compose: %s: datasource user/password differ from POSTGRES_USER/POSTGRES_PASSWORD" % name)
        elif cfg and "datasource" in cfg.features:
            check(False, "compose: %s has a datasource but QUARKUS_DATASOURCE_JDBC_URL is not set" % name)
        if "PROMESA_API_KEYS" in env:
            # hashes only (module api-security): a plain key in the repository would be a secret in git
            check(API_KEYS.match(env["PROMESA_API_KEYS"]),
                  "compose: %s: PROMESA_API_KEYS is not source:sha256:<64 hex>[,...] (./promesa hash-key KEY "
                  "prints the hash)" % name)
        mh = env.get("QUARKUS_MAILER_HOST")
        if mh:
            check(mh in svcs and mh in deps, "compose: %s: SMTP host %s is not a service it depends on" % (name, mh))
            if mh in svcs:
                check(int(env.get("QUARKUS_MAILER_PORT", "25")) in [t for _, t in container_ports(svcs[mh])]
                      or mh == "mailpit" and env.get("QUARKUS_MAILER_PORT") == "1025",
                      "compose: %s: SMTP port %s is not served by %s" % (name, env.get("QUARKUS_MAILER_PORT"), mh))
        elif cfg and "mailer" in cfg.features:
            check(False, "compose: %s sends mail but QUARKUS_MAILER_HOST is not set" % name)
        loc = env.get("QUARKUS_CONFIG_LOCATIONS")
        if loc and cfg:
            mounts = {}
            for v in svc.get("volumes", []) or []:
                if isinstance(v, str) and v.startswith("."):
                    parts = v.split(":")
                    mounts[parts[1]] = os.path.join(root, parts[0])
            for location in loc.split(","):
                location = re.sub(r"^file:", "", location.strip())
                if check(location in mounts, "compose: %s: QUARKUS_CONFIG_LOCATIONS %s is not a mounted file"
                         % (name, location)) and os.path.isfile(mounts[location]):
                    mounted = read_properties(mounts[location])
                    for key in mounted:
                        check(cfg.knows(key)[0], "compose: %s: %s sets %s, which %s does not read"
                              % (name, os.path.relpath(mounts[location], root), key, name))
                    if "promesa.api-keys" in mounted:
                        check(API_KEYS.match(mounted["promesa.api-keys"]),
                              "compose: %s: %s: promesa.api-keys is not source:sha256:<64 hex>[,...] (./promesa "
                              "hash-key KEY prints the hash)" % (name, os.path.relpath(mounts[location], root)))
    # the build context is the whole repository: local build outputs and ./promesa's data folder (which holds a
    # PostgreSQL data directory readable only by its owner) should stay out of it
    ignore = os.path.join(root, ".dockerignore")
    rules = open(ignore).read() if os.path.isfile(ignore) else ""
    for pattern, why in ((".promesa", "./promesa's data (unreadable PostgreSQL files can fail the build)"),
                         ("target", "local build outputs")):
        if not re.search(r"(?m)^\s*(\*\*/)?/?%s/?\s*$" % re.escape(pattern), rules):
            warn("compose: no root .dockerignore entry for %s: the build context (.) then carries %s" % (pattern, why))
    # images of third-party services are pinned
    for name, svc in svcs.items():
        img = str(svc.get("image", ""))
        if "build" not in svc:
            check(":" in img.split("/")[-1] and not img.endswith(":latest"),
                  "compose: %s: image %s is not pinned to a version" % (name, img))


def run_compose_schema(root):
    exe = shutil.which("docker-compose")
    if not exe:
        NOTES.append("compose schema: docker-compose not installed, schema check skipped")
        return None
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROMESA_") and not k.endswith("_IMAGE")}
    p = subprocess.run([exe, "-f", os.path.join(root, "docker-compose.yml"), "config", "-q"], capture_output=True,
                       text=True, env=env)
    check(p.returncode == 0, "compose schema (docker-compose config): %s" % (p.stderr.strip() or p.stdout.strip()))
    ver = subprocess.run([exe, "version", "--short"], capture_output=True, text=True).stdout.strip()
    return "docker-compose %s config" % ver


# --------------------------------------------------------------------------------------------------------------
# Kustomize: kubectl when it has a modern kustomize, else this small renderer

BUILTIN_MERGE_KEYS = {"containers": "name", "initContainers": "name", "env": "name", "volumes": "name",
                      "volumeMounts": "mountPath", "ports": "containerPort", "imagePullSecrets": "name"}
BUILTIN_GROUPS = ("", "v1", "apps", "batch", "policy", "autoscaling", "networking.k8s.io", "rbac.authorization.k8s.io")
CLUSTER_KINDS = {"Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
                 "StorageClass", "PriorityClass"}
WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}


def is_builtin(doc):
    api = doc.get("apiVersion", "")
    group = api.split("/")[0] if "/" in api else ""
    return group in BUILTIN_GROUPS


def smp(target, patch, builtin):
    """Strategic merge patch (the subset used here): maps merge, known lists merge by key, other lists replace."""
    for k, v in patch.items():
        if v is None:
            target.pop(k, None)
        elif isinstance(v, dict) and isinstance(target.get(k), dict):
            smp(target[k], v, builtin)
        elif isinstance(v, list) and builtin and k in BUILTIN_MERGE_KEYS and isinstance(target.get(k), list):
            key = BUILTIN_MERGE_KEYS[k]
            for item in v:
                match = next((t for t in target[k] if isinstance(t, dict) and t.get(key) == item.get(key)), None)
                if match is None:
                    target[k].append(copy.deepcopy(item))
                else:
                    smp(match, item, builtin)
        else:
            target[k] = copy.deepcopy(v)


def load_yaml_docs(path):
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d]


def python_kustomize(directory):
    kpath = next((os.path.join(directory, n) for n in ("kustomization.yaml", "kustomization.yml", "Kustomization")
                  if os.path.isfile(os.path.join(directory, n))), None)
    if not kpath:
        raise ValueError("no kustomization in %s" % directory)
    k = yaml.safe_load(open(kpath, encoding="utf-8")) or {}
    supported = {"apiVersion", "kind", "resources", "namespace", "labels", "commonLabels", "commonAnnotations",
                 "images", "patches", "patchesStrategicMerge"}
    unsupported = set(k) - supported
    if unsupported:
        raise ValueError("%s uses %s, which the fallback renderer does not support (install kubectl)"
                         % (kpath, ", ".join(sorted(unsupported))))
    docs = []
    for r in k.get("resources", []):
        p = os.path.join(directory, r)
        if os.path.isdir(p):
            docs += python_kustomize(p)
        elif os.path.isfile(p):
            docs += load_yaml_docs(p)
        else:
            raise ValueError("%s: resource %s not found" % (kpath, r))
    patches = [{"path": p} for p in k.get("patchesStrategicMerge", [])] + list(k.get("patches", []))
    for pt in patches:
        if "target" in pt and pt.get("target", {}).get("name") is None:
            raise ValueError("%s: patch targets without a name are not supported by the fallback renderer" % kpath)
        pdocs = load_yaml_docs(os.path.join(directory, pt["path"])) if "path" in pt else [yaml.safe_load(pt["patch"])]
        for pd in pdocs:
            if isinstance(pd, list):
                raise ValueError("%s: JSON6902 patches are not supported by the fallback renderer" % kpath)
            kind = (pt.get("target") or {}).get("kind", pd.get("kind"))
            name = (pt.get("target") or {}).get("name", (pd.get("metadata") or {}).get("name"))
            hits = [d for d in docs if d.get("kind") == kind and d["metadata"].get("name") == name]
            if len(hits) != 1:
                raise ValueError("%s: patch %s matches %d resources (%s/%s)" % (kpath, pt.get("path"), len(hits), kind, name))
            body = {kk: vv for kk, vv in pd.items() if kk not in ("apiVersion", "kind")}
            body["metadata"] = {kk: vv for kk, vv in (pd.get("metadata") or {}).items() if kk != "name"}
            smp(hits[0], body, is_builtin(hits[0]))
    ns = k.get("namespace")
    for d in docs:
        md = d.setdefault("metadata", {})
        if ns and d.get("kind") not in CLUSTER_KINDS:
            md["namespace"] = ns
        for spec in k.get("labels", []):
            pairs = spec.get("pairs", {})
            md.setdefault("labels", {}).update(pairs)
            if spec.get("includeTemplates") or spec.get("includeSelectors"):
                if d.get("kind") in WORKLOADS:
                    d["spec"]["template"].setdefault("metadata", {}).setdefault("labels", {}).update(pairs)
            if spec.get("includeSelectors"):
                raise ValueError("%s: labels.includeSelectors is not supported by the fallback renderer" % kpath)
        if k.get("commonLabels"):
            raise ValueError("%s: commonLabels (changes selectors) is not supported by the fallback renderer" % kpath)
        if k.get("commonAnnotations"):
            md.setdefault("annotations", {}).update(k["commonAnnotations"])
        if d.get("kind") in WORKLOADS:
            pod = d["spec"]["template"]["spec"]
            for c in pod.get("containers", []) + pod.get("initContainers", []):
                for img in k.get("images", []):
                    m = re.match(r"^(.*?)(?::([^:/@]+))?(?:@(.+))?$", c["image"])
                    if m.group(1) == img["name"]:
                        new = img.get("newName", m.group(1))
                        if img.get("digest"):
                            c["image"] = "%s@%s" % (new, img["digest"])
                        else:
                            tag = img.get("newTag", m.group(2))
                            c["image"] = new + (":" + str(tag) if tag else "")
    return docs


def kubectl_kustomize():
    exe = shutil.which("kubectl")
    if not exe:
        return None, None
    try:
        out = subprocess.run([exe, "version", "--client"], capture_output=True, text=True, timeout=60).stdout
    except Exception:
        return None, None
    m = re.search(r"Kustomize Version:\s*v?(\d+)\.(\d+)\.(\d+)", out)
    if not m or int(m.group(1)) < 4:
        NOTES.append("kubectl found but its kustomize is older than v4 (%s); using the fallback renderer"
                     % (m.group(0) if m else "unknown"))
        return None, None
    return exe, "kubectl kustomize (kustomize v%s.%s.%s)" % m.groups()


def render(overlay, mode, label=None):
    """Returns (docs, how)."""
    label = label or overlay
    exe, how = (None, None) if mode == "python" else kubectl_kustomize()
    if exe:
        p = subprocess.run([exe, "kustomize", overlay], capture_output=True, text=True, timeout=120)
        if not check(p.returncode == 0, "k8s: kubectl kustomize %s failed: %s" % (label, p.stderr.strip())):
            return [], how
        docs = [d for d in yaml.safe_load_all(p.stdout) if d]
        # self-test of the fallback, so it stays usable where kubectl is missing
        try:
            mine = python_kustomize(overlay)
            a = sorted(yaml.safe_dump(d, sort_keys=True) for d in docs)
            b = sorted(yaml.safe_dump(d, sort_keys=True) for d in mine)
            if a == b:
                NOTES.append("fallback renderer agrees with kubectl on %s (%d resources)" % (label, len(docs)))
            else:
                warn("fallback renderer differs from kubectl on %s; fix deploy/ci/validate_deploy.py" % label)
        except ValueError as e:
            warn("fallback renderer cannot render %s: %s" % (label, e))
        return docs, how
    if mode == "kubectl":
        check(False, "k8s: kubectl with kustomize >= v4 required (--renderer kubectl) but not found")
        return [], "none"
    try:
        return python_kustomize(overlay), "built-in Python renderer (kubectl with kustomize >= v4 not available)"
    except ValueError as e:
        check(False, "k8s: %s" % e)
        return [], "built-in Python renderer"


# --------------------------------------------------------------------------------------------------------------
# Kubernetes checks

def quantity(q, cpu):
    q = str(q)
    if cpu:
        return float(q[:-1]) / 1000 if q.endswith("m") else float(q)
    units = {"Ki": 2 ** 10, "Mi": 2 ** 20, "Gi": 2 ** 30, "Ti": 2 ** 40, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}
    for u, f in units.items():
        if q.endswith(u):
            return float(q[:-len(u)]) * f
    return float(q)


def selects(selector, labels):
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def check_k8s(docs, where, services, topics_needed, overlay_ns=None):
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d.get("kind"), []).append(d)
        check(d.get("apiVersion") and d.get("kind") and (d.get("metadata") or {}).get("name"),
              "k8s %s: a resource without apiVersion/kind/name: %s" % (where, str(d)[:80]))
    names = {}
    for d in docs:
        key = (d.get("kind"), d["metadata"].get("namespace"), d["metadata"].get("name"))
        check(key not in names, "k8s %s: duplicate %s/%s" % (where, key[0], key[2]))
        names[key] = d
        if overlay_ns and d.get("kind") not in CLUSTER_KINDS:
            check(d["metadata"].get("namespace") == overlay_ns, "k8s %s: %s/%s is not in namespace %s"
                  % (where, d["kind"], d["metadata"]["name"], overlay_ns))

    # values the API server takes as strings only (an unquoted 8081 or true is rejected at apply time)
    for d in docs:
        n = "%s/%s" % (d.get("kind"), d["metadata"].get("name"))
        md = d.get("metadata") or {}
        for field in ("labels", "annotations"):
            for k, v in (md.get(field) or {}).items():
                check(isinstance(v, str), "k8s %s: %s metadata.%s %s is not a string (quote it)" % (where, n, field, k))
        if d.get("kind") in ("ConfigMap", "Secret"):
            for field in ("data", "stringData"):
                for k, v in (d.get(field) or {}).items():
                    check(isinstance(v, str), "k8s %s: %s %s.%s is not a string (quote it)" % (where, n, field, k))
        if d.get("kind") in WORKLOADS:
            tmd = d["spec"]["template"].get("metadata") or {}
            for field in ("labels", "annotations"):
                for k, v in (tmd.get(field) or {}).items():
                    check(isinstance(v, str), "k8s %s: %s pod %s %s is not a string (quote it)" % (where, n, field, k))
            for c in d["spec"]["template"]["spec"].get("containers", []):
                for e in c.get("env", []):
                    check("value" not in e or isinstance(e["value"], str),
                          "k8s %s: %s env %s value is not a string (quote it)" % (where, n, e["name"]))
        if d.get("kind") == "ScaledObject":
            for tr in d["spec"].get("triggers", []):
                for k, v in (tr.get("metadata") or {}).items():
                    check(isinstance(v, str), "k8s %s: %s trigger metadata %s is not a string (KEDA wants strings)"
                          % (where, n, k))

    def get(kind, name):
        return next((d for d in by_kind.get(kind, []) if d["metadata"]["name"] == name), None)

    expected = {"Deployment": 3, "Service": 3, "ConfigMap": 1, "Secret": 1, "PodDisruptionBudget": 3,
                "HorizontalPodAutoscaler": 1, "ScaledObject": 2, "KafkaTopic": 4}
    for kind, n in expected.items():
        check(len(by_kind.get(kind, [])) >= n, "k8s %s: expected at least %d %s, found %d"
              % (where, n, kind, len(by_kind.get(kind, []))))

    autoscaled = {}
    for h in by_kind.get("HorizontalPodAutoscaler", []):
        ref = h["spec"]["scaleTargetRef"]
        check(get(ref.get("kind"), ref.get("name")) is not None, "k8s %s: HPA %s targets missing %s/%s"
              % (where, h["metadata"]["name"], ref.get("kind"), ref.get("name")))
        check(h["spec"].get("minReplicas", 1) <= h["spec"]["maxReplicas"], "k8s %s: HPA %s min > max"
              % (where, h["metadata"]["name"]))
        check(any(m.get("type") == "Resource" and m["resource"]["name"] == "cpu" for m in h["spec"].get("metrics", [])),
              "k8s %s: HPA %s does not scale on CPU" % (where, h["metadata"]["name"]))
        check(ref.get("name") not in autoscaled, "k8s %s: %s has two autoscalers" % (where, ref.get("name")))
        autoscaled[ref.get("name")] = ("HPA", h["spec"].get("minReplicas", 1), h["spec"]["maxReplicas"], h)

    topics = {}
    for t in by_kind.get("KafkaTopic", []):
        name = t["spec"].get("topicName", t["metadata"]["name"])
        topics[name] = t
        s = t["spec"]
        cfg = s.get("config") or {}
        check("strimzi.io/cluster" in (t["metadata"].get("labels") or {}),
              "k8s %s: KafkaTopic %s has no strimzi.io/cluster label" % (where, name))
        check(int(s.get("partitions", 0)) >= 1, "k8s %s: KafkaTopic %s has no partitions" % (where, name))
        check(int(s.get("replicas", 0)) >= 3, "k8s %s: KafkaTopic %s: replicas %s < 3" % (where, name, s.get("replicas")))
        misr = int(cfg.get("min.insync.replicas", 1))
        check(2 <= misr < int(s.get("replicas", 0)), "k8s %s: KafkaTopic %s: min.insync.replicas %s must be >= 2 and "
              "< replicas" % (where, name, misr))
        check("retention.ms" in cfg or "retention.bytes" in cfg, "k8s %s: KafkaTopic %s has no retention" % (where, name))
    for t in sorted(topics_needed):
        check(t in topics, "k8s %s: no KafkaTopic for %s" % (where, t))

    for so in by_kind.get("ScaledObject", []):
        n = so["metadata"]["name"]
        s = so["spec"]
        target = s["scaleTargetRef"]["name"]
        check(get(s["scaleTargetRef"].get("kind", "Deployment"), target) is not None,
              "k8s %s: ScaledObject %s targets missing Deployment %s" % (where, n, target))
        mn, mx = s.get("minReplicaCount", 0), s.get("maxReplicaCount", 100)
        check(mn >= 1, "k8s %s: ScaledObject %s may scale to zero; the services do time-driven work (due checks, "
                       "retries) and must keep >= 1 replica" % (where, n))
        check(mn <= mx, "k8s %s: ScaledObject %s min > max" % (where, n))
        check(target not in autoscaled, "k8s %s: %s has two autoscalers" % (where, target))
        autoscaled[target] = ("KEDA", mn, mx, so)
        kafka = [tr for tr in s.get("triggers", []) if tr.get("type") == "kafka"]
        if not check(kafka, "k8s %s: ScaledObject %s has no kafka (consumer lag) trigger" % (where, n)):
            continue
        for tr in kafka:
            md = tr.get("metadata") or {}
            topic = md.get("topic")
            check(topic in topics, "k8s %s: ScaledObject %s: topic %s has no KafkaTopic" % (where, n, topic))
            if topic in topics:
                parts = int(topics[topic]["spec"].get("partitions", 0))
                check(mx <= parts, "k8s %s: ScaledObject %s: maxReplicaCount %d > %d partitions of %s (idle consumers)"
                      % (where, n, mx, parts, topic))
            check(str(md.get("allowIdleConsumers", "false")).lower() == "false",
                  "k8s %s: ScaledObject %s allows idle consumers" % (where, n))
            cfg = services.get(target)
            if cfg:
                inc = cfg.channel("incoming")
                check(any(t == topic and g == md.get("consumerGroup") for _, t, g in inc),
                      "k8s %s: ScaledObject %s watches group %s on %s, but %s consumes %s"
                      % (where, n, md.get("consumerGroup"), topic, target,
                         ", ".join("%s (group %s)" % (t, g) for _, t, g in inc) or "nothing"))

    configmaps = {c["metadata"]["name"]: c for c in by_kind.get("ConfigMap", [])}
    secrets = {s["metadata"]["name"]: s for s in by_kind.get("Secret", [])}
    for s in secrets.values():
        values = dict(s.get("stringData") or {})
        values.update({k: "(base64)" for k in (s.get("data") or {})})
        for k, v in values.items():
            if re.search(r"password|key|token|secret", k, re.I):
                check("REPLACE-ME" in str(v), "k8s %s: Secret %s key %s does not hold a REPLACE-ME placeholder: "
                      "no real secrets in git" % (where, s["metadata"]["name"], k))

    for dep in by_kind.get("Deployment", []):
        n = dep["metadata"]["name"]
        spec = dep["spec"]
        tmpl = spec["template"]
        labels = (tmpl.get("metadata") or {}).get("labels") or {}
        sel = (spec.get("selector") or {}).get("matchLabels") or {}
        check(selects(sel, labels), "k8s %s: Deployment %s: selector %s does not match its pod labels" % (where, n, sel))
        check(n in autoscaled, "k8s %s: Deployment %s has no autoscaler (HPA or KEDA)" % (where, n))
        if n in autoscaled:
            check("replicas" not in spec, "k8s %s: Deployment %s sets replicas, which fights its %s on every apply"
                  % (where, n, autoscaled[n][0]))
        check(n not in ("intake-service",) or autoscaled.get(n, ("",))[0] == "HPA",
              "k8s %s: intake-service should scale on CPU with an HPA" % where)
        check(n == "intake-service" or autoscaled.get(n, ("",))[0] == "KEDA",
              "k8s %s: %s should scale on consumer lag with KEDA" % (where, n))
        ann = (tmpl.get("metadata") or {}).get("annotations") or {}
        pod = tmpl["spec"]
        containers = pod.get("containers", [])
        check(len(containers) >= 1, "k8s %s: Deployment %s has no container" % (where, n))
        pod_volumes = {v["name"]: v for v in pod.get("volumes", [])}
        for c in containers:
            cn = c["name"]
            what = "k8s %s: %s/%s" % (where, n, cn)
            ports = {p.get("name"): p["containerPort"] for p in c.get("ports", [])}
            res = c.get("resources") or {}
            for kind in ("requests", "limits"):
                for r in ("cpu", "memory"):
                    check(r in (res.get(kind) or {}), "%s: no %s.%s" % (what, kind, r))
            for r in ("cpu", "memory"):
                try:
                    if r in (res.get("requests") or {}) and r in (res.get("limits") or {}):
                        check(quantity(res["requests"][r], r == "cpu") <= quantity(res["limits"][r], r == "cpu"),
                              "%s: %s request above its limit" % (what, r))
                except ValueError:
                    check(False, "%s: unreadable %s quantity" % (what, r))
            for probe, path in (("readinessProbe", "/q/health/ready"), ("livenessProbe", "/q/health/live")):
                pr = (c.get(probe) or {}).get("httpGet") or {}
                check(pr.get("path") == path, "%s: %s should GET %s" % (what, probe, path))
                port = pr.get("port")
                check(port in ports or port in ports.values(), "%s: %s port %s is not a container port" % (what, probe, port))
            image = c.get("image", "")
            check(image and not image.endswith(":latest") or overlay_ns is None,
                  "%s: image %s is not pinned (set images: in the overlay)" % (what, image))
            # environment: explicit + envFrom
            env = {}
            for e in c.get("env", []):
                check(e["name"] not in env, "%s: env %s given twice" % (what, e["name"]))
                env[e["name"]] = e.get("value")
                ref = (e.get("valueFrom") or {})
                for kind, store in (("secretKeyRef", secrets), ("configMapKeyRef", configmaps)):
                    if kind in ref:
                        r = ref[kind]
                        obj = store.get(r["name"])
                        data = dict((obj or {}).get("data") or {}, **((obj or {}).get("stringData") or {}))
                        check(r.get("optional") or (obj is not None and r["key"] in data),
                              "%s: env %s refers to missing %s %s key %s" % (what, e["name"], kind, r["name"], r["key"]))
            for ef in c.get("envFrom", []):
                for kind, store in (("configMapRef", configmaps), ("secretRef", secrets)):
                    if kind in ef:
                        obj = store.get(ef[kind]["name"])
                        if check(obj is not None or ef[kind].get("optional"), "%s: envFrom %s %s missing"
                                 % (what, kind, ef[kind]["name"])) and obj:
                            for k, v in dict(obj.get("data") or {}, **(obj.get("stringData") or {})).items():
                                check(k not in env, "%s: %s set both in env and in %s" % (what, k, ef[kind]["name"]))
                                env[k] = v
            cfg = services.get(cn)
            check(cfg is not None, "%s: no service directory %s/ for this container" % (what, cn))
            if cfg:
                for k in env:
                    known, note = cfg.knows(k)
                    check(known, "%s: env %s is not a key %s reads" % (what, k, cn))
                    if note:
                        warn("%s: %s" % (what, note))
            http = env.get("QUARKUS_HTTP_PORT")
            check(http is not None and int(http) in ports.values(),
                  "%s: QUARKUS_HTTP_PORT %s is not a container port %s" % (what, http, list(ports.values())))
            check(ann.get("prometheus.io/scrape") == "true" and ann.get("prometheus.io/path") == "/q/metrics"
                  and str(ann.get("prometheus.io/port")) == str(http),
                  "k8s %s: Deployment %s: prometheus.io annotations missing or not /q/metrics on port %s" % (where, n, http))
            bs = env.get("KAFKA_BOOTSTRAP_SERVERS")
            if cfg and "kafka" in cfg.features:
                check(bs, "%s: KAFKA_BOOTSTRAP_SERVERS not set" % what)
                if n in autoscaled and autoscaled[n][0] == "KEDA":
                    for tr in autoscaled[n][3]["spec"].get("triggers", []):
                        check((tr.get("metadata") or {}).get("bootstrapServers") == bs,
                              "k8s %s: ScaledObject %s reads lag from %s but the service uses %s"
                              % (where, n, (tr.get("metadata") or {}).get("bootstrapServers"), bs))
            if cfg and "datasource" in cfg.features:
                for k in ("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"):
                    check(k in env, "%s: %s not set" % (what, k))
            if cfg and "mailer" in cfg.features:
                check("QUARKUS_MAILER_HOST" in env, "%s: QUARKUS_MAILER_HOST not set" % what)
            # mounted config files
            mounts = {m["mountPath"].rstrip("/"): m for m in c.get("volumeMounts", [])}
            for m in c.get("volumeMounts", []):
                check(m["name"] in pod_volumes, "%s: volumeMount %s has no volume" % (what, m["name"]))
            loc = env.get("QUARKUS_CONFIG_LOCATIONS")
            if loc and cfg:
                for location in str(loc).split(","):
                    location = re.sub(r"^file:", "", location.strip())
                    d, f = os.path.split(location)
                    m = mounts.get(d)
                    vol = pod_volumes.get(m["name"]) if m else None
                    cmn = ((vol or {}).get("configMap") or {}).get("name")
                    if check(cmn in configmaps and f in (configmaps[cmn].get("data") or {}),
                             "%s: QUARKUS_CONFIG_LOCATIONS %s is not a file of a mounted ConfigMap" % (what, location)):
                        text = configmaps[cmn]["data"][f]
                        tmp_keys = {}
                        for line in text.splitlines():
                            line = line.strip()
                            if line and line[0] not in "#!" and "=" in line:
                                tmp_keys[line.split("=", 1)[0].strip()] = 1
                        for key in tmp_keys:
                            check(cfg.knows(key)[0], "%s: %s in ConfigMap %s is not a key %s reads" % (what, key, cmn, cn))
        for v in pod_volumes.values():
            if "configMap" in v:
                check(v["configMap"]["name"] in configmaps or v["configMap"].get("optional"),
                      "k8s %s: Deployment %s mounts missing ConfigMap %s" % (where, n, v["configMap"]["name"]))
        # a Service and a PDB select this Deployment's pods
        svcs = [s for s in by_kind.get("Service", []) if selects(s["spec"].get("selector"), labels)]
        if check(svcs, "k8s %s: no Service selects Deployment %s" % (where, n)):
            for s in svcs:
                for p in s["spec"].get("ports", []):
                    tp = p.get("targetPort", p.get("port"))
                    allports = {pp.get("name"): pp["containerPort"] for c in containers for pp in c.get("ports", [])}
                    check(tp in allports or tp in allports.values(), "k8s %s: Service %s targetPort %s is not a port of %s"
                          % (where, s["metadata"]["name"], tp, n))
        pdbs = [p for p in by_kind.get("PodDisruptionBudget", [])
                if selects((p["spec"].get("selector") or {}).get("matchLabels"), labels)]
        if check(pdbs, "k8s %s: no PodDisruptionBudget for Deployment %s" % (where, n)):
            mn = autoscaled.get(n, (None, 1))[1]
            for p in pdbs:
                ma = p["spec"].get("minAvailable")
                check(not isinstance(ma, int) or ma < mn, "k8s %s: PDB %s minAvailable %s >= min replicas %s blocks "
                      "node drains" % (where, p["metadata"]["name"], ma, mn))
                check(mn >= 2, "k8s %s: %s runs %s replica(s) at least; a PDB needs >= 2 to keep it available"
                      % (where, n, mn))
        # HPA on CPU needs CPU requests
        if autoscaled.get(n, ("",))[0] == "HPA":
            check(all("cpu" in ((c.get("resources") or {}).get("requests") or {}) for c in containers),
                  "k8s %s: HPA on CPU for %s but a container has no CPU request" % (where, n))
    for s in by_kind.get("Service", []):
        check(any(selects(s["spec"].get("selector"), (d["spec"]["template"].get("metadata") or {}).get("labels") or {})
                  for d in by_kind.get("Deployment", [])),
              "k8s %s: Service %s selects no Deployment" % (where, s["metadata"]["name"]))
    return by_kind


# --------------------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--renderer", choices=("auto", "kubectl", "python"), default="auto")
    ap.add_argument("--no-schema", action="store_true", help="skip `docker-compose config`")
    ap.add_argument("--self-test", action="store_true",
                    help="break copies of the files in known ways and check that each break is reported")
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    if args.self_test:
        return self_test(root)

    services = {}
    for pom in sorted(glob.glob(os.path.join(root, "*-service", "pom.xml"))):
        name = os.path.basename(os.path.dirname(pom))
        services[name] = ServiceConfig(root, name)
    check(set(services) >= {"intake-service", "followup-service", "notifier-service"},
          "services: expected intake-service, followup-service, notifier-service; found %s" % sorted(services))
    topics_needed = contract_topics(root)
    for s in services.values():
        topics_needed |= s.topics()

    schema = None if args.no_schema else run_compose_schema(root)
    check_compose(root, services, topics_needed)
    compose_problems = len(PROBLEMS)

    base = os.path.join(root, "deploy/kubernetes/base")
    overlays = sorted(d for d in glob.glob(os.path.join(root, "deploy/kubernetes/overlays/*")) if os.path.isdir(d))
    check(os.path.isdir(base), "k8s: deploy/kubernetes/base missing")
    check(os.path.join(root, "deploy/kubernetes/overlays/example") in overlays, "k8s: overlays/example missing")
    hows = set()
    summary = []
    for target in [base] + overlays:
        rel = os.path.relpath(target, root)
        docs, how = render(target, args.renderer, rel)
        hows.add(how)
        ns = None
        if target != base:
            k = yaml.safe_load(open(os.path.join(target, "kustomization.yaml")))
            ns = k.get("namespace")
            check(ns, "k8s %s: the overlay sets no namespace" % rel)
            check(any(d.get("kind") == "Namespace" and d["metadata"]["name"] == ns for d in docs),
                  "k8s %s: the overlay does not create namespace %s" % (rel, ns))
        by_kind = check_k8s(docs, rel, services, topics_needed, ns)
        counts = ", ".join("%d %s" % (len(v), k) for k, v in sorted(by_kind.items()))
        scaling = []
        for so in by_kind.get("ScaledObject", []):
            tr = (so["spec"].get("triggers") or [{}])[0].get("metadata") or {}
            t = next((x for x in by_kind.get("KafkaTopic", []) if x["spec"].get("topicName") == tr.get("topic")), None)
            scaling.append("%s %s-%s (lag of %s on %s, %s partitions)" % (
                so["spec"]["scaleTargetRef"]["name"], so["spec"].get("minReplicaCount"), so["spec"].get("maxReplicaCount"),
                tr.get("consumerGroup"), tr.get("topic"), t["spec"].get("partitions") if t else "?"))
        for h in by_kind.get("HorizontalPodAutoscaler", []):
            scaling.append("%s %s-%s (CPU)" % (h["spec"]["scaleTargetRef"]["name"], h["spec"].get("minReplicas"),
                                             h["spec"].get("maxReplicas")))
        summary.append("  %s: %d resources (%s)\n    scaling: %s" % (rel, len(docs), counts, "; ".join(scaling)))

    print("validate-deploy: docker-compose.yml and deploy/kubernetes, offline")
    print("  compose: %s; %d services checked against %s" % (
        schema or "schema not checked", len(yaml.safe_load(open(os.path.join(root, "docker-compose.yml")))["services"]),
        ", ".join("%s (%d keys, %d mapping names)" % (n, len(s.props), len(s.patterns)) for n, s in services.items())))
    print("  topics of the contract and services: %s" % ", ".join(sorted(topics_needed)))
    print("  kubernetes rendered with: %s" % "; ".join(sorted(h for h in hows if h)))
    print("\n".join(summary))
    for n in NOTES:
        print("  note: %s" % n)
    for w in WARNINGS:
        print("  warning: %s" % w)
    for p in PROBLEMS:
        print("  PROBLEM: %s" % p)
    print("validate-deploy: %d problems (%d compose, %d kubernetes), %d warnings" % (
        len(PROBLEMS), compose_problems, len(PROBLEMS) - compose_problems, len(WARNINGS)))
    print("validate-deploy: %d passed, %d failed" % (CHECKS[0] - len(PROBLEMS), len(PROBLEMS)))
    return 1 if PROBLEMS else 0


# Each: (what, file, text, replacement, a fragment of the problem it must cause)
MUTATIONS = [
    ("env key the service does not read", "docker-compose.yml", "QUARKUS_MAILER_HOST: mailpit", "QUARKUS_MAILER_HOTS: mailpit",
     "QUARKUS_MAILER_HOTS, which followup-service does not read"),
    ("depends_on without health condition", "docker-compose.yml", "      mailpit:\n        condition: service_healthy",
     "      mailpit:\n        condition: service_started", "condition 'service_started'"),
    ("service without healthcheck", "docker-compose.yml", "    healthcheck:\n      test: [\"CMD\", \"/mailpit\"",
     "    x-healthcheck:\n      test: [\"CMD\", \"/mailpit\"", "mailpit has no healthcheck"),
    ("topic not created", "docker-compose.yml", "for topic in helpdesk.events.v1 followup.alerts.v1 ",
     "for topic in helpdesk.events.v1 ", "topic followup.alerts.v1 is used by a service but no one-shot"),
    ("database not created", "deploy/compose/postgres-init.sql", "CREATE DATABASE promesa_notifier;", "",
     "database promesa_notifier is not created"),
    ("unknown key in mounted config file", "deploy/demo/demo-desks.properties", "promesa.teams.network.lead",
     "promesa.team.network.lead", "sets promesa.team.network.lead"),
    ("missing Dockerfile", "docker-compose.yml", "dockerfile: intake-service/src/main/docker/Dockerfile.jvm",
     "dockerfile: intake-service/src/main/docker/Dockerfile", "Dockerfile intake-service/src/main/docker/Dockerfile does not exist"),
    ("no memory limit", "docker-compose.yml", "          memory: 128M", "          pids: 128", "mailpit has no memory and cpu limit"),
    ("HTTP port disagrees", "docker-compose.yml", 'QUARKUS_HTTP_PORT: "8082"', 'QUARKUS_HTTP_PORT: "8092"',
     "QUARKUS_HTTP_PORT=8092 but the service port is 8082"),
    ("KEDA max above partitions", "deploy/kubernetes/overlays/example/patches/followup-scaling.yaml",
     "maxReplicaCount: 12", "maxReplicaCount: 13", "maxReplicaCount 13 > 12 partitions"),
    ("readiness probe path", "deploy/kubernetes/base/intake-service.yaml", "path: /q/health/ready",
     "path: /q/health/readyz", "readinessProbe should GET /q/health/ready"),
    ("Service selects nothing", "deploy/kubernetes/base/notifier-service.yaml",
     "  selector:\n    app.kubernetes.io/name: notifier-service", "  selector:\n    app.kubernetes.io/name: notifer-service",
     "Service notifier-service selects no Deployment"),
    ("ConfigMap key the service does not read", "deploy/kubernetes/base/config.yaml", "PROMESA_SATISFACTION_AFTER",
     "PROMESA_SATISFACTION_AFTR", "env PROMESA_SATISFACTION_AFTR is not a key followup-service reads"),
    ("real-looking secret", "deploy/kubernetes/base/secret.yaml", "notifier-db-password: REPLACE-ME",
     "notifier-db-password: hunter2", "key notifier-db-password does not hold a REPLACE-ME placeholder"),
    ("wrong consumer group", "deploy/kubernetes/base/notifier-service.yaml", "consumerGroup: notifier",
     "consumerGroup: notifiers", "watches group notifiers"),
    ("scale to zero", "deploy/kubernetes/base/notifier-service.yaml", "minReplicaCount: 2", "minReplicaCount: 0",
     "may scale to zero"),
    ("no memory limit in k8s", "deploy/kubernetes/base/intake-service.yaml", "              cpu: \"1\"\n              memory: 512Mi",
     "              cpu: \"1\"", "no limits.memory"),
    ("missing secret key", "deploy/kubernetes/base/intake-service.yaml", "key: api-keys", "key: api-key",
     "refers to missing secretKeyRef promesa-secrets key api-key"),
    ("kafka voter on the wrong port", "docker-compose.yml", "KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093",
     "KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9094", "quorum voters ['9094'] do not use the controller listener port"),
    ("kafka advertises a listener it does not open", "docker-compose.yml",
     "KAFKA_LISTENERS: INTERNAL://:19092,CONTROLLER://:9093,HOST://:9092", "KAFKA_LISTENERS: INTERNAL://:19092,CONTROLLER://:9093",
     "kafka advertises a listener it does not open"),
    ("database password differs", "docker-compose.yml", "      QUARKUS_DATASOURCE_PASSWORD: promesa\n      QUARKUS_MAILER_HOST",
     "      QUARKUS_DATASOURCE_PASSWORD: secret\n      QUARKUS_MAILER_HOST", "datasource user/password differ"),
    ("plain API key instead of its hash", "deploy/demo/demo-desks.properties", "acme:sha256:" + "4376fca1",
     "acme:promesa-dev-key-" + "4376fca1", "promesa.api-keys is not source:sha256"),
    ("missing read-api key", "deploy/kubernetes/base/notifier-service.yaml", "key: read-api-keys", "key: read-api-key",
     "refers to missing secretKeyRef promesa-secrets key read-api-key"),
    ("unquoted number in a ConfigMap", "deploy/kubernetes/base/config.yaml", 'QUARKUS_HTTP_PORT: "8081"',
     "QUARKUS_HTTP_PORT: 8081", "data.QUARKUS_HTTP_PORT is not a string"),
    ("unquoted number in KEDA metadata", "deploy/kubernetes/base/followup-service.yaml", 'lagThreshold: "100"',
     "lagThreshold: 100", "trigger metadata lagThreshold is not a string"),
]


def self_test(root):
    import tempfile
    tmp = tempfile.mkdtemp(prefix="validate-deploy-")
    try:
        keep = ["docker-compose.yml", "deploy", "contracts/src/main", "api-security/src/main", "config/src/main"]
        for svc in glob.glob(os.path.join(root, "*-service")):
            keep += [os.path.relpath(p, root) for p in
                     [os.path.join(svc, "pom.xml"), os.path.join(svc, "src/main")]]
        for rel in keep:
            src, dst = os.path.join(root, rel), os.path.join(tmp, "clean", rel)
            if os.path.isdir(src):
                shutil.copytree(src, dst)
            elif os.path.isfile(src):
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copy2(src, dst)
        clean = os.path.join(tmp, "clean")
        subprocess.run(["git", "init", "-q", clean], check=True)
        subprocess.run(["git", "-C", clean, "add", "-A"], check=True)

        def run(where):
            p = subprocess.run([sys.executable, os.path.abspath(__file__), "--root", where, "--renderer", "python",
                                "--no-schema"], capture_output=True, text=True)
            return [l for l in p.stdout.splitlines() if "PROBLEM" in l]

        baseline = set(run(clean))
        failed = 0
        for what, rel, old, new, expect in MUTATIONS:
            path = os.path.join(clean, rel)
            text = open(path, encoding="utf-8").read()
            if old not in text:
                print("  self-test: %-40s SKIPPED (the text it breaks is gone: update MUTATIONS)" % what)
                failed += 1
                continue
            try:
                open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))
                new_problems = [l for l in run(clean) if l not in baseline]
            finally:
                open(path, "w", encoding="utf-8").write(text)
            ok = any(expect in l for l in new_problems)
            failed += not ok
            print("  self-test: %-40s %s" % (what, "caught" if ok else "NOT CAUGHT: " + (" | ".join(new_problems) or "no new problem")))
        print("self-test: %d passed, %d failed" % (len(MUTATIONS) - failed, failed))
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
