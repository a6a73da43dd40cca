"""A conservative CSS minifier for the one stylesheet (static/css/*.css joined in name order): drops
comments and the whitespace around punctuation that CSS ignores; quoted strings are left exactly as written.
Inside declaration blocks (the innermost braces: the stylesheet has no nesting) also the space after a colon
and before !important, and the leading zero of a fraction (0.5rem -> .5rem); in @media conditions the space
after a colon. Measured on the stylesheet of 7a02825: 62,577 -> 51,896 B raw, 14,286 -> 11,102 B gzip; the
declaration and @media steps on that of b483399: 52,036 -> 49,666 B raw, 11,167 -> 11,078 B gzip, with the same
659 rules as Chromium serialises them (CSSStyleSheet.replaceSync, every rule's cssText compared).

Custom properties the app neither sets nor reads (`keep`: every `--name` written in src/ or static/'s scripts) get
short names, the most used first (--accent -> --a): 18 names in 412 places; measured on the stylesheet of 554c23a:
50,147 -> 48,201 B raw, 11,168 -> 11,010 B gzip."""
import re

_STRING = re.compile(r'("(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')')
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_HELD = re.compile("\x00(\\d+)\x00")


def _declarations(block: str) -> str:
    block = re.sub(r" ?: ?", ":", block)
    block = block.replace(" !important", "!important")
    # 0.5 -> .5 where the 0 starts a number (not 10.5, not a name or a hex colour).
    return re.sub(r"(?<![\w.#-])0\.(\d)", r".\1", block)


_CUSTOM = re.compile(r"(?<![\w-])--[a-zA-Z_][\w-]*")
_SHORT = [chr(c) for c in range(ord("a"), ord("z") + 1)] + [chr(c) for c in range(ord("A"), ord("Z") + 1)]


def short_names(css: str, keep: set[str]) -> dict[str, str]:
    """{--long-name: --x} for the custom properties of `css` not in `keep`, the most used first (ties by name)."""
    css = _STRING.sub('""', _COMMENT.sub("", css))
    counts: dict[str, int] = {}
    for name in _CUSTOM.findall(css):
        counts[name] = counts.get(name, 0) + 1
    names = (f"--{a}{b}" for b in [""] + _SHORT for a in _SHORT)
    free = (n for n in names if n not in keep and n not in counts)
    return {name: next(free) for name in sorted(counts, key=lambda n: (-counts[n], n)) if name not in keep}


def minify(css: str, rename: dict[str, str] | None = None) -> str:
    # Comments go first: a quote inside a comment is not a string. Strings are held aside, kept as written.
    held: list[str] = []

    def hold(m: re.Match) -> str:
        held.append(m.group(0))
        return f"\x00{len(held) - 1}\x00"

    css = _STRING.sub(hold, _COMMENT.sub("", css))
    if rename:
        css = _CUSTOM.sub(lambda m: rename.get(m.group(0), m.group(0)), css)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r" ?([{};,>]) ?", r"\1", css)
    css = re.sub(r"\{([^{}]*)\}", lambda m: "{" + _declarations(m.group(1)) + "}", css)
    css = re.sub(r"@media[^{]*", lambda m: re.sub(r": ", ":", m.group(0)), css)
    css = css.replace(";}", "}").strip()
    return _HELD.sub(lambda m: held[int(m.group(1))], css)


if __name__ == "__main__":
    import sys

    sys.stdout.write(minify(sys.stdin.read()))
