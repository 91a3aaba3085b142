#!/usr/bin/env python3
"""Render benches/accuracy/templates/ into benches/accuracy/corpus/ and labels.

Templates are ordinary project files with two kinds of markup:

  «gen»  or «gen:arg»      replaced by a freshly generated random value
  «name=gen:arg»           same, and remembered as `name`
  «$name»                  the remembered value again
  ... ⟦+kind⟧ (line end)   this line holds a real credential (a positive)
  ... ⟦-⟧     (line end)   a hard negative: looks like a secret, is not

Markers are stripped from the output.  A value that renders to several lines
(PEM blocks) is indented like its line; a line's label goes to the first line
it renders to (the BEGIN line of a key).  Values come from a seeded PRNG so
the corpus is reproducible; none is a real credential.

Usage: python3 benches/accuracy/generate.py [--seed N]
"""
import argparse
import base64
import hashlib
import os
import random
import re
import shutil
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, "templates")
CORPUS = os.path.join(HERE, "corpus")
KINDS = {"password", "token", "provider", "private-key", "connection-string",
         "encoded", "credential-file"}

WORDS = """sunshine dragon monkey shadow master hunter falcon tigger summer winter
autumn spring baseball football soccer hockey jordan michelle charlie andrew
jessica pepper ginger maggie buster cookie banana orange purple silver golden
thunder lightning rainbow butterfly princess starwars matrix phoenix rocket
pirate ninja wizard cheese coffee muffin pumpkin raptor voyager eclipse
horizon panther cobra viper eagle raven lucky bailey harley ranger tucker
jasper marley mustang corvette ferrari yankees cowboys lakers steelers
dolphins chelsea arsenal liverpool barcelona madrid berlin london paris
tokyo denver austin boston chicago seattle portland oregon nevada dakota
camila gabriel sophie oliver lily daisy rosebud bluebird snowball""".split()
KEYBOARDS = ["qwerty12", "qwerty123", "asdf1234", "zxcvbn99", "1q2w3e4r",
             "qazwsx12", "abc12345", "letmein1", "welcome1", "trustno1",
             "passw0rd1", "iloveyou2", "admin123!", "root1234", "pa55word"]
LEET = str.maketrans({"a": "@", "o": "0", "e": "3", "i": "1", "s": "$"})
LEET_SAFE = str.maketrans({"a": "4", "o": "0", "e": "3", "i": "1", "s": "5"})
ALNUM = string.ascii_letters + string.digits
B32 = string.ascii_uppercase + "234567"

R = random.Random()


def pick(s, n):
    return "".join(R.choice(s) for _ in range(n))


def human_password(style=None, url_safe=False):
    w = R.choice(WORDS)
    style = style if style is not None else R.randrange(8)
    if style == 0:
        return w
    if style == 1:
        return w + str(R.randrange(1, 9999))
    if style == 2:
        return w.capitalize() + str(R.choice([2019, 2020, 2021, 2022, 2023, 2024, 1987, 99, 42, 7])) + ("" if url_safe else R.choice("!.*"))
    if style == 3:
        t = w.capitalize().translate(LEET_SAFE if url_safe else LEET)
        return t + str(R.randrange(10, 99))
    if style == 4:
        return R.choice(WORDS) + R.choice(WORDS) + str(R.randrange(1, 99))
    if style == 5:
        return R.choice(KEYBOARDS) if not url_safe else R.choice([k for k in KEYBOARDS if k.isalnum()])
    if style == 6:
        return w.capitalize() + R.choice(["_", "-", "."]) + str(R.randrange(100, 9999))
    return pick(ALNUM, R.randrange(10, 17)) + ("" if url_safe else R.choice("!_-*."))


def pem_body(nbytes):
    raw = bytes(R.getrandbits(8) for _ in range(nbytes))
    b = base64.b64encode(raw).decode()
    return [b[i:i + 64] for i in range(0, len(b), 64)]


def pem(kind):
    label, size = {
        "rsa": ("RSA PRIVATE KEY", 1190),
        "pkcs8": ("PRIVATE KEY", 1217),
        "ec": ("EC PRIVATE KEY", 121),
        "openssh": ("OPENSSH PRIVATE KEY", 380),
        "dsa": ("DSA PRIVATE KEY", 445),
        "enc": ("ENCRYPTED PRIVATE KEY", 1298),
        "cert": ("CERTIFICATE", 880),
        "pub": ("PUBLIC KEY", 294),
    }[kind]
    body = pem_body(size)
    if kind == "openssh":
        b = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW" + "".join(body)[70:]
        body = [b[i:i + 70] for i in range(0, len(b), 70)]
    return "\n".join(["-----BEGIN %s-----" % label] + body + ["-----END %s-----" % label])


def b64s(s):
    return base64.b64encode(s.encode()).decode()


def jwt():
    head = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
    body = '{"sub":"%d","name":"svc-%s","iat":%d,"exp":%d}' % (
        R.randrange(10**5, 10**7), R.choice(WORDS), 1690000000 + R.randrange(10**7), 1790000000 + R.randrange(10**7))
    b = base64.urlsafe_b64encode(body.encode()).decode().rstrip("=")
    sig = base64.urlsafe_b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode().rstrip("=")
    return "%s.%s.%s" % (head, b, sig)


def gen(name, arg, mem):
    n = int(arg) if arg and arg.isdigit() else None
    if name == "pw":
        return human_password(int(arg) if arg else None)
    if name == "pwu":  # URL/shell safe human password
        return human_password(int(arg) if arg else None, url_safe=True)
    if name == "word":
        return R.choice(WORDS)
    if name == "strong":
        return pick(ALNUM + "!_-*.", n or 20)
    if name == "hex":
        return pick("0123456789abcdef", n or 40)
    if name == "HEX":
        return pick("0123456789ABCDEF", n or 32)
    if name == "alnum":
        return pick(ALNUM, n or 32)
    if name == "lower":
        return pick(string.ascii_lowercase + string.digits, n or 32)
    if name == "upper":
        return pick(string.ascii_uppercase + string.digits, n or 20)
    if name == "digits":
        return pick(string.digits, n or 12)
    if name == "b64":  # n random bytes, standard base64
        return base64.b64encode(bytes(R.getrandbits(8) for _ in range(n or 32))).decode()
    if name == "b64url":
        return base64.urlsafe_b64encode(bytes(R.getrandbits(8) for _ in range(n or 32))).decode().rstrip("=")
    if name == "b64of":  # base64 of a remembered value or a literal
        return b64s(mem[arg[1:]] if arg.startswith("$") else arg)
    if name == "b64pw":  # base64 of a new human password
        return b64s(human_password())
    if name == "basic":  # base64("user:" + new password)
        return b64s(arg + ":" + human_password(url_safe=True))
    if name == "basicwith":  # base64("user:" + a generated value), e.g. basicwith:jdoe:glpat
        user, g = arg.split(":", 1)
        return b64s(user + ":" + gen(g, "", mem))
    if name == "uuid":
        h = pick("0123456789abcdef", 32)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:32])
    if name == "sha1":
        return pick("0123456789abcdef", 40)
    if name == "sha256":
        return pick("0123456789abcdef", 64)
    if name == "sri":
        return "sha512-" + base64.b64encode(bytes(R.getrandbits(8) for _ in range(64))).decode()
    if name == "bcrypt":
        return "$2b$%s$" % (arg or "12") + pick(ALNUM + "./", 53)
    if name == "bcrypty":
        return "$2y$10$" + pick(ALNUM + "./", 53)
    if name == "sha512crypt":
        return "$6$" + pick(ALNUM + "./", 16) + "$" + pick(ALNUM + "./", 86)
    if name == "apr1":
        return "$apr1$" + pick(ALNUM + "./", 8) + "$" + pick(ALNUM + "./", 22)
    if name == "md5":
        return hashlib.md5(human_password().encode()).hexdigest()
    if name == "pbkdf2":
        return "pbkdf2_sha256$600000$%s$%s" % (pick(ALNUM, 22), base64.b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode())
    if name == "b64pem":  # base64 of a whole PEM block (Kubernetes tls.key)
        return b64s(pem(arg) + "\n")
    if name == "dockercfg":  # base64 of a .dockerconfigjson for registry:user
        reg, user = arg.split(":")
        auth = b64s(user + ":" + human_password(url_safe=True))
        return b64s('{"auths":{"%s":{"username":"%s","auth":"%s"}}}' % (reg, user, auth))
    if name == "jwt":
        return jwt()
    if name == "pem":
        return pem(arg)
    if name == "pemesc":
        return pem(arg).replace("\n", "\\n") + "\\n"
    # provider shapes
    if name == "akia":
        return "AKIA" + pick(B32, 16)
    if name == "asia":
        return "ASIA" + pick(B32, 16)
    if name == "awssecret":
        return pick(ALNUM + "/+", 40)
    if name == "ghp":
        return "ghp_" + pick(ALNUM, 36)
    if name == "gho":
        return "gho_" + pick(ALNUM, 36)
    if name == "ghpat":
        return "github_pat_11" + pick(string.ascii_uppercase + string.digits, 20) + "_" + pick(ALNUM, 59)
    if name == "glpat":
        return "glpat-" + pick(ALNUM + "-_", 20)
    if name == "xoxb":
        return "xoxb-%s-%s-%s" % (pick(string.digits, 12), pick(string.digits, 13), pick(ALNUM, 24))
    if name == "xoxp":
        return "xoxp-%s-%s-%s-%s" % (pick(string.digits, 12), pick(string.digits, 12), pick(string.digits, 13), pick("0123456789abcdef", 32))
    if name == "slackhook":
        return "https://hooks.slack.com/services/T%s/B%s/%s" % (pick(B32[:26] + "0123456789", 8), pick(B32[:26] + "0123456789", 10), pick(ALNUM, 24))
    if name == "sklive":
        return "sk_live_" + pick(ALNUM, 99 if arg == "long" else 24)
    if name == "rklive":
        return "rk_live_" + pick(ALNUM, 99)
    if name == "whsec":
        return "whsec_" + pick(ALNUM, 32)
    if name == "aiza":
        return "AIza" + pick(ALNUM + "-_", 35)
    if name == "sendgrid":
        return "SG." + pick(ALNUM + "-_", 22) + "." + pick(ALNUM + "-_", 43)
    if name == "twiliosk":
        return "SK" + pick("0123456789abcdef", 32)
    if name == "twilioac":
        return "AC" + pick("0123456789abcdef", 32)
    if name == "openai":
        return "sk-proj-" + pick(ALNUM + "-_", 74) + "T3BlbkFJ" + pick(ALNUM + "-_", 74)
    if name == "anthropic":
        return "sk-ant-api03-" + pick(ALNUM + "-_", 93) + "AA"
    if name == "npm":
        return "npm_" + pick(ALNUM, 36)
    if name == "pypi":
        return "pypi-AgEIcHlwaS5vcmc" + pick(ALNUM + "-_", 140)
    if name == "mailgun":
        return "key-" + pick("0123456789abcdef", 32)
    if name == "shopify":
        return "shpat_" + pick("0123456789abcdef", 32)
    if name == "dop":
        return "dop_v1_" + pick("0123456789abcdef", 64)
    if name == "hf":
        return "hf_" + pick(string.ascii_letters, 34)
    if name == "tgbot":
        return "%s:AA%s" % (pick(string.digits, 10), pick(ALNUM + "-_", 33))
    if name == "discordhook":
        return "https://discord.com/api/webhooks/%s/%s" % (pick(string.digits, 18), pick(ALNUM + "-_", 68))
    if name == "gcpsa":
        return pick(string.digits, 21)
    raise SystemExit("unknown generator %r" % name)


TOKEN = re.compile(r"«([^»]+)»")
MARK = re.compile(r"\s*⟦([+-])([a-z-]*)⟧\s*$")


def render(rel, text, mem, labels, hards):
    out = []
    for lineno, line in enumerate(text.split("\n"), 1):
        kind = None
        m = MARK.search(line)
        if m:
            line = line[:m.start()]
            if m.group(1) == "+":
                if m.group(2) not in KINDS:
                    raise SystemExit("%s:%d: unknown kind %r" % (rel, lineno, m.group(2)))
                kind = m.group(2)
            else:
                kind = "-"
        indent = re.match(r"[ \t]*", line).group(0)

        def sub(mt):
            spec = mt.group(1)
            if spec.startswith("$"):
                return mem[spec[1:]]
            save = None
            if "=" in spec.split(":")[0]:
                save, spec = spec.split("=", 1)
            name, _, arg = spec.partition(":")
            v = gen(name, arg, mem)
            if save:
                mem[save] = v
            return v

        rendered = TOKEN.sub(sub, line)
        parts = rendered.split("\n")
        first = len(out) + 1
        out.append(parts[0])
        out.extend(indent + p if p else p for p in parts[1:])
        if kind == "-":
            hards.append((rel, first))
        elif kind:
            labels.append((rel, first, kind))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20240611)
    a = ap.parse_args()
    R.seed(a.seed)
    if os.path.isdir(CORPUS):
        shutil.rmtree(CORPUS)
    labels, hards = [], []
    for root, dirs, files in os.walk(TEMPLATES):
        dirs.sort()
        for f in sorted(files):
            src = os.path.join(root, f)
            rel = os.path.relpath(src, TEMPLATES).replace(os.sep, "/")
            with open(src, encoding="utf-8") as fh:
                text = fh.read()
            mem = {}
            body = render(rel, text, mem, labels, hards)
            dst = os.path.join(CORPUS, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(dst, "w", encoding="utf-8") as fh:
                fh.write(body)
            if os.access(src, os.X_OK):
                os.chmod(dst, 0o755)
    with open(os.path.join(HERE, "labels.tsv"), "w") as fh:
        fh.write("# path\tline\tkind  (positives; every other corpus line is a negative)\n")
        for rel, line, kind in sorted(labels):
            fh.write("%s\t%d\t%s\n" % (rel, line, kind))
    with open(os.path.join(HERE, "hard-negatives.tsv"), "w") as fh:
        fh.write("# path\tline  (lines that look like secrets but are not; a subset of the negatives)\n")
        for rel, line in sorted(hards):
            fh.write("%s\t%d\n" % (rel, line))
    print("%d files, %d positive lines, %d hard-negative lines" % (
        sum(len(f) for _, _, f in os.walk(CORPUS)), len(labels), len(hards)), file=sys.stderr)


if __name__ == "__main__":
    main()
