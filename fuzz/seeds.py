#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<target>/seed-*; run from fuzz/. The formats are
described in harness.rs. fixture/state.json is a Memory serialised by the reader itself."""
import os

FILES = ["briefing.toml", "actors.toml", "issues.toml", "timeline.toml", "places.toml",
         "glossary.toml", "source.toml"]
fixture = {n: open(f"fixture/{n}", "rb").read() for n in FILES}
bundled = {n: open(f"../content/strategic-impasse/{n}", "rb").read() for n in FILES}


def write(target, name, data):
    os.makedirs(f"corpus/{target}", exist_ok=True)
    with open(f"corpus/{target}/seed-{name}", "wb") as f:
        f.write(data)


def section(name, text, bundled_base=False):
    return bytes([FILES.index(name) + (7 if bundled_base else 0)]) + text


sections = {}
for n in FILES:
    stem = n.removesuffix(".toml")
    sections[f"fixture-{stem}"] = section(n, fixture[n])
    sections[f"bundled-{stem}"] = section(n, bundled[n], True)
actors = fixture["actors.toml"]
sections["control-characters"] = section("actors.toml", actors.replace(
    b'name = "Beta Person"', b'name = "Beta\x1b[31m \\u001b]52;c;x\\u0007 \xe2\x80\xae\xc2\x9b Person\\t"'))
sections["crlf"] = section("issues.toml", fixture["issues.toml"].replace(b"\n", b"\r\n"))
sections["lone-cr-syntax-error"] = section("places.toml", b'[[place]]\rid = \x1b"city\r\n\x7fname ')
sections["not-utf8"] = section("glossary.toml", fixture["glossary.toml"].replace(b"TLA", b"T\xffA"))
sections["unknown-target-escape"] = section("issues.toml", fixture["issues.toml"].replace(
    b"[[announcement]]", b"[[ann\xc2\x85ounce\\u202e]]"))
sections["bad-id-and-dates"] = section("timeline.toml", fixture["timeline.toml"].replace(
    b'id = "meeting"', b'id = "Meet ing\xe2\x80\x8f"').replace(b"2013-04-30", b"2013-02-30"))
sections["empty"] = section("source.toml", b"")
sections["unknown-field"] = section("briefing.toml", fixture["briefing.toml"] + b"\x1b[2J = 1\n")
for name, data in sections.items():
    write("section_file", name, data)

# reader: width, height, count, count x (op, a, b), then a section_file input.
OPS = ["show_summary", "show_actors", "show_issues", "show_timeline", "show_places",
       "show_glossary", "show_source", "next", "prev", "page_down", "page_up", "first", "last",
       "focus_list", "focus_detail", "next_link", "prev_link", "follow", "back", "forward",
       "find", "next_match", "prev_match", "search", "palette", "hints", "hints_beside",
       "toggle_peek", "toggle_cited_by", "filter_by_actor", "bookmark", "bookmarks", "copy",
       "toggle_mouse", "help", "show_messages", "reload", "close", "suspend", "accept",
       "cancel", "delete_back", "clear_input", "type", "click", "wheel", "resize", "unbound"]


def ops(*names):
    out = b""
    for item in names:
        item = (item,) if isinstance(item, str) else tuple(item)
        name, a, b = (item + (0, 0))[:3]
        if name == "type":
            for c in a.encode("latin-1"):
                out += bytes([OPS.index("type"), c, 0])
            continue
        out += bytes([OPS.index(name), a, b])
    return out


def reader(name, w, h, actions, sec):
    data = bytes([w, h, len(actions) // 3]) + actions + sections[sec]
    write("reader", name, data)


reader("fixture-80x24", 80, 24, b"", "fixture-actors")
reader("bundled-120x40-links", 120, 40, ops("show_actors", "next", "focus_detail", "next_link",
       "next_link", "follow", "back", "forward", "toggle_cited_by", "show_source", "page_down",
       "copy"), "bundled-actors")
reader("bundled-find", 100, 30, ops("show_source", "find", ("type", "trust"), "next",
       "accept", "next_match", "prev_match"), "bundled-source")
reader("fixture-search", 80, 24, ops("search", ("type", "Alpha"), "next", "accept", "copy"),
       "fixture-issues")
reader("fixture-palette", 60, 20, ops("palette", ("type", "Beta"), "accept", "filter_by_actor",
       "show_timeline", "bookmark", "bookmarks", "next", "accept"), "fixture-timeline")
reader("fixture-hints", 120, 40, ops("show_issues", "hints", ("type", "a"), "hints_beside",
       ("type", "b"), "toggle_peek", "help", "last", "close"), "fixture-glossary")
reader("fixture-mouse", 90, 30, ops("toggle_mouse", ("click", 12, 0), ("click", 5, 5),
       ("wheel", 40, 10), ("wheel", 41, 10), ("resize", 200, 60), ("resize", 30, 8)),
       "fixture-places")
reader("too-small", 39, 9, ops("next", ("resize", 40, 10), "show_actors"), "fixture-briefing")
reader("broken-messages", 80, 24, ops("show_messages", "page_down", "close", "reload"),
       "lone-cr-syntax-error")
reader("control-characters", 100, 30, ops("show_actors", "last", "copy", "show_summary",
       "focus_detail", "last"), "control-characters")
reader("unknown-target", 80, 24, ops("show_messages", "last"), "unknown-target-escape")
reader("bundled-wide", 250, 70, ops("show_places", "next", "copy", "show_glossary", "last"),
       "bundled-places")

configs = {
    "valid": b'mouse = false\ntheme = "light"\ncursor = false\n[keys]\nquit = ["x"]\nnext = ["j", "Down", "Ctrl-n"]\n',
    "empty": b"",
    "unknown-key": b'mouse = true\ncolour = "red"\n',
    "bad-key-name": b'[keys]\nnext = ["Hyper-j", "jj", ""]\n',
    "ctrl-c-bound": b'[keys]\nquit = ["Ctrl-c"]\n',
    "bad-theme": b'theme = "ligth"\n',
    "bad-theme-escape": b'theme = "\\u001b[2J\xc2\x9b"\n',
    "wrong-types": b'mouse = "no"\ncursor = 1\nkeys = 3\n',
    "bound-twice": b'[keys]\nnext = ["k"]\nlast = ["x", "x"]\n',
    "unknown-action": b'[keys]\nnxet = ["j"]\n"\\u001b" = ["q"]\n',
    "modes": b'[keys.prompt]\naccept = ["Enter", "Alt-Enter"]\n[keys.hints]\ncancel = ["Esc", "q"]\n',
    "syntax-error": b'mouse = \n[keys\n\x1b\x07',
    "keymap-file": open("../assets/keymap.toml", "rb").read(),
    "keymap-unknown-mode": b'[normal]\nquit = ["q"]\n[typing]\nnext = ["j"]\n',
    "alt-ctrl": b'[keys]\nback = ["Alt-Ctrl-Left", "Ctrl-Alt-h", "\xc3\xa9", "Shift-Tab"]\n',
}
for name, data in configs.items():
    write("config", name, data)

state = open("fixture/state.json", "rb").read()
states = {
    "valid": state,
    "truncated": state[: len(state) // 2],
    "version-99": state.replace(b'"version": 1', b'"version": 99'),
    "minimal": b'{"version":1,"tab":"summary","panes":{},"bookmarks":[],"seen":[]}',
    "unknown-ids": b'{"version":1,"tab":"actors","panes":{"actors":{"selected":"nobody","scroll":99999,"detail":true},"source":{"selected":null,"scroll":18446744073709551615,"detail":true,"paragraph":4000000000}},"bookmarks":["nobody","nobody","gottemoeller"],"seen":["x","x"]}',
    "bad-tab": b'{"version":0,"tab":"\\u001b","panes":{"Actors":{"selected":"","scroll":1,"detail":false}},"bookmarks":[""],"seen":[""]}',
    "not-json": b"\x00\xff{",
}
for name, data in states.items():
    write("state_file", name, data)

inputs = {
    "plain-keys": b"\x00" + b"jjkk234567G g?q" + b"/al\x7f\r",
    "arrows": b"\x05" + b"\x1b[A\x1b[B\x1bOC\x1bOD\x1b[1;5D\x1b[1;3C\x1b[H\x1b[F\x1b[Z",
    "sgr-mouse": b"\x00" + b"\x1b[<0;10;5M\x1b[<0;10;5m\x1b[<64;3;3M\x1b[<65;3;3M\x1b[<35;9;9M",
    "paste-without-end": b"\x00" + b"/\x1b[200~hello world",
    "paste": b"\x07" + b"/\x1b[200~ab\x1b\r\nc\x1b[201~\r\x1b[200~jjj\x1b[201~",
    "sgr-prefix-then-q": b"\x00" + b"\x1b[<" + b"q",
    "sgr-prefix-then-q-chunked": b"\x2a" + b"\x1b[<" + b"q",
    "overlong-csi": b"\x00" + b"\x1b[" + b"1;" * 40 + b"Aq",
    "overlong-csi-chunked": b"\x03" + b"\x1b[" + b"1;" * 40 + b"Aq",
    "alt-keys": b"\x11" + b"\x1b\x1b[A\x1bj\x1b\x1b",
    "utf8-split": b"\x01" + b"/\xc3\xa9\xe2\x80\x9c\xf0\x9f\x98\x80\xc3",
    "ctrl-keys": b"\x00" + b"\x0bAlpha\r\x04\x15\x1a\x08",
    "function-keys": b"\x00" + b"\x1b[15~\x1b[5~\x1b[6~\x1b[2~\x1b[3~\x1b[24~\x1bOP",
    "ctrl-c": b"\x00" + b"\x03",
    "ss3-cut": b"\x09" + b"\x1bO",
    "bad-bytes": b"\x00" + b"\xff\xfe\x80\xc0\x1b[\x01A",
}
for name, data in inputs.items():
    write("input", name, data)
