#!/usr/bin/env python3
"""Writes the SCORM packages for course sites (LMS): dist/charm-offensive-scorm12.zip (SCORM 1.2) and
dist/charm-offensive-scorm2004.zip (SCORM 2004 4th edition). Each holds imsmanifest.xml, describing one
SCO, and the single file dist/charm-offensive.html, which finds the LMS's run-time API itself (src/lms).
Run after tools/build/assemble.py. The archives are reproducible: fixed timestamps, fixed order.
"""
import json, pathlib, sys, zipfile
from xml.sax.saxutils import escape, quoteattr

ROOT = pathlib.Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
SINGLE = "charm-offensive.html"

def title() -> str:
    """The essay's title, from the content (the package is named as a reader would cite it)."""
    refs = json.loads((ROOT / "content/references.json").read_text())
    essay = refs.get("essay", {})
    return f"{essay.get('title', 'Beijing’s Charm Offensive')}: an interactive explainer"

def manifest_12(name: str) -> str:
    t = escape(name)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="charm-offensive-scorm12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="charm-offensive-org">
    <organization identifier="charm-offensive-org">
      <title>{t}</title>
      <item identifier="charm-offensive-item" identifierref="charm-offensive-sco" isvisible="true">
        <title>{t}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="charm-offensive-sco" type="webcontent" adlcp:scormtype="sco" href={quoteattr(SINGLE)}>
      <file href={quoteattr(SINGLE)}/>
    </resource>
  </resources>
</manifest>
"""

def manifest_2004(name: str) -> str:
    t = escape(name)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="charm-offensive-scorm2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="charm-offensive-org">
    <organization identifier="charm-offensive-org">
      <title>{t}</title>
      <item identifier="charm-offensive-item" identifierref="charm-offensive-sco">
        <title>{t}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="charm-offensive-sco" type="webcontent" adlcp:scormType="sco" href={quoteattr(SINGLE)}>
      <file href={quoteattr(SINGLE)}/>
    </resource>
  </resources>
</manifest>
"""

def write(path: pathlib.Path, manifest: str, single: bytes) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in [("imsmanifest.xml", manifest.encode()), (SINGLE, single)]:
            info = zipfile.ZipInfo(name, date_time=(2024, 10, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)

def main() -> int:
    single_path = DIST / SINGLE
    if not single_path.is_file():
        print(f"scorm: {single_path} is missing: run tools/build/assemble.py first", file=sys.stderr)
        return 1
    single = single_path.read_bytes()
    name = title()
    for suffix, manifest in [("scorm12", manifest_12(name)), ("scorm2004", manifest_2004(name))]:
        out = DIST / f"charm-offensive-{suffix}.zip"
        write(out, manifest, single)
        print(f"scorm: {out.relative_to(ROOT)} ({out.stat().st_size / 1024:.1f} KB)")
    return 0

if __name__ == "__main__":
    sys.exit(main())
