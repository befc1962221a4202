#!/usr/bin/python3
"""
Builds the site's `cyrillic-uz` font subsets in src/site/assets/fonts/: for each face the site
uses (Noto Serif 400 and 700, Noto Sans 400, 700 and 400 italic), the @fontsource `cyrillic`
woff2 subset merged with the six Uzbek letters that subset lacks (Ғ ғ Қ қ Ҳ ҳ, U+0492-0493,
U+049A-049B, U+04B2-04B3, taken from the same face's `cyrillic-ext` subset; Ў ў are in
`cyrillic` already). A Russian or Uzbek Cyrillic page then needs one Cyrillic file per face,
~8 KB, instead of cyrillic + cyrillic-ext (~8 + 25 KB): see docs/decisions/0014-self-hosted-fonts.md
and src/site/fonts.ts, which serves these files with the matching unicode-range.

Source: @fontsource/noto-serif and @fontsource/noto-sans 5.3.0 (node_modules, the versions in
package-lock.json), i.e. Noto Serif / Noto Sans version 2.015, Copyright 2022 The Noto Project
Authors (https://github.com/notofonts/latin-greek-cyrillic), licensed under the SIL Open Font
License 1.1 (no Reserved Font Name), which allows modified versions under the same licence; the
licence is copied next to the outputs as OFL.txt. The glyphs, metrics and layout tables are the
package's own, only merged: both inputs are subsets of one font, so they share units per em and
vertical metrics, and a merged file draws exactly what the two files drew.

Needs fontTools with brotli (Debian: apt-get install -y python3-fonttools python3-brotli).
Run from the repository root:  /usr/bin/python3 scripts/build-uz-cyrillic-fonts.py
The outputs are committed (production machines do not need fontTools); rerun after updating the
@fontsource packages and commit what changes. The output is deterministic for given inputs.
"""
import io
import json
import os
import shutil
import sys

from fontTools.merge import Merger
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'src', 'site', 'assets', 'fonts')
FACES = [('noto-serif', 700, 'normal'), ('noto-serif', 400, 'normal'), ('noto-sans', 400, 'normal'), ('noto-sans', 700, 'normal'), ('noto-sans', 400, 'italic')]
# Keep in step with UZ_LETTERS in src/site/fonts.ts.
UZ_LETTERS = [0x0492, 0x0493, 0x049A, 0x049B, 0x04B2, 0x04B3]


def subset(path: str, unicodes) -> TTFont:
    """The font at `path` cut to `unicodes` (None: all it maps), every layout feature kept, as TTF."""
    font = TTFont(path)
    options = Options()
    options.layout_features = ['*']
    options.name_IDs = ['*']
    options.notdef_outline = True
    options.glyph_names = False
    options.flavor = None
    s = Subsetter(options)
    s.populate(unicodes=unicodes if unicodes is not None else font.getBestCmap().keys())
    s.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    buf.seek(0)
    return buf


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    versions = {}
    for pkg, weight, style in FACES:
        pkg_dir = os.path.join(ROOT, 'node_modules', '@fontsource', pkg)
        with open(os.path.join(pkg_dir, 'package.json')) as f:
            versions[pkg] = json.load(f)['version']
        files = os.path.join(pkg_dir, 'files')
        cyr = os.path.join(files, f'{pkg}-cyrillic-{weight}-{style}.woff2')
        ext = os.path.join(files, f'{pkg}-cyrillic-ext-{weight}-{style}.woff2')
        merged = Merger().merge([subset(cyr, None), subset(ext, UZ_LETTERS)])
        # Name, OS/2 and head come from the first font (the package's cyrillic subset).
        missing = [hex(cp) for cp in UZ_LETTERS if cp not in merged.getBestCmap()]
        if missing:
            sys.exit(f'{pkg} {weight} {style}: merged font lacks {missing}')
        # Reproducible bytes: keep the source's timestamps instead of the time of this run.
        merged.recalcTimestamp = False
        source_head = TTFont(cyr)['head']
        merged['head'].created, merged['head'].modified = source_head.created, source_head.modified
        merged.flavor = 'woff2'
        name = f'{pkg}-cyrillic-uz-{weight}-{style}.woff2'
        merged.save(os.path.join(OUT, name))
        print(f'{name}: {os.path.getsize(os.path.join(OUT, name))} bytes, {len(merged.getBestCmap())} characters')
    shutil.copyfile(os.path.join(ROOT, 'node_modules', '@fontsource', 'noto-serif', 'LICENSE'), os.path.join(OUT, 'OFL.txt'))
    print('from', ', '.join(f'@fontsource/{p} {v}' for p, v in versions.items()))


if __name__ == '__main__':
    main()
